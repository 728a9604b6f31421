export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, however they proved it. */
export interface Principal {
  userId: string;
  /** The auth-service session behind an access token; API keys have none. */
  sessionId?: string;
  username: string;
  roles: readonly Role[];
  emailVerified: boolean;
  /** The user's profile version the token was issued with; absent for API keys and older tokens. */
  profileVersion?: number;
  via: 'token' | 'api-key';
  /** What an API key was granted; access tokens carry the user's full rights. */
  scopes?: readonly string[];
}
