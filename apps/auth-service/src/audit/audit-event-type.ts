/** Every security event auth-service records. Stable strings: clients filter on them. */
export const AuditEventType = {
  Registered: 'user.registered',
  LoginSucceeded: 'login.succeeded',
  LoginFailed: 'login.failed',
  LoginLockedOut: 'login.locked_out',
  Logout: 'session.logout',
  SessionRevoked: 'session.revoked',
  RefreshTokenReused: 'session.refresh_token_reused',
  EmailVerified: 'email.verified',
  PasswordResetRequested: 'password.reset_requested',
  PasswordReset: 'password.reset',
  PasswordChanged: 'password.changed',
  ProfileUpdated: 'profile.updated',
  RoleChanged: 'user.role_changed',
  UserDisabled: 'user.disabled',
  UserEnabled: 'user.enabled',
  UserDeleted: 'user.deleted',
  ApiKeyCreated: 'api_key.created',
  ApiKeyUsed: 'api_key.used',
  ApiKeyRevoked: 'api_key.revoked',
  SigningKeyRotated: 'signing_key.rotated',
} as const;

export type AuditEventType = (typeof AuditEventType)[keyof typeof AuditEventType];
