import type { Allowance } from '@capstone/platform/config';
import type { Environment } from '../config/environment';

type AllowanceVariable = {
  [Variable in keyof Environment]: Environment[Variable] extends Allowance ? Variable : never;
}[keyof Environment];

export interface ActionLimits {
  perIp: AllowanceVariable;
  /** Counted per account, named by a field of the request body that the route points at. */
  perAccount?: AllowanceVariable;
  /** Also refuse while the account is locked after repeated failed logins. */
  honourLoginLockout?: true;
}

/**
 * Each rate-limited action and the variables that set its allowances. Routes sharing an action
 * (the native and the RealWorld login) share its counters.
 */
export const RATE_LIMITED_ACTIONS = {
  login: {
    perIp: 'RATE_LIMIT_LOGIN_PER_IP',
    perAccount: 'RATE_LIMIT_LOGIN_PER_ACCOUNT',
    honourLoginLockout: true,
  },
  refresh: { perIp: 'RATE_LIMIT_REFRESH_PER_IP' },
  register: { perIp: 'RATE_LIMIT_REGISTER_PER_IP', perAccount: 'RATE_LIMIT_REGISTER_PER_ACCOUNT' },
  'reset-request': {
    perIp: 'RATE_LIMIT_RESET_REQUEST_PER_IP',
    perAccount: 'RATE_LIMIT_RESET_REQUEST_PER_ACCOUNT',
  },
  'reset-confirm': { perIp: 'RATE_LIMIT_RESET_CONFIRM_PER_IP' },
  'verification-email': { perIp: 'RATE_LIMIT_VERIFICATION_EMAIL_PER_IP' },
  'verification-confirm': { perIp: 'RATE_LIMIT_VERIFICATION_CONFIRM_PER_IP' },
  'password-change': { perIp: 'RATE_LIMIT_PASSWORD_CHANGE_PER_IP' },
} as const satisfies Record<string, ActionLimits>;

export type RateLimitedAction = keyof typeof RATE_LIMITED_ACTIONS;

/** The actions also counted per account: their routes must say which body field names it. */
export type AccountLimitedAction = {
  [Action in RateLimitedAction]: (typeof RATE_LIMITED_ACTIONS)[Action] extends {
    perAccount: string;
  }
    ? Action
    : never;
}[RateLimitedAction];
