import type { Allowance } from '@capstone/platform/config';
import type { Environment } from '../config/environment';

type AllowanceVariable = {
  [Variable in keyof Environment]: Environment[Variable] extends Allowance ? Variable : never;
}[keyof Environment];

export interface CallerLimits {
  /** Counted per user, whether they call with an access token or one of their API keys. */
  perUser: AllowanceVariable;
  /** Counted per API key as well, so one leaked or runaway key cannot spend its owner's whole allowance. */
  perApiKey: AllowanceVariable;
}

/** Each rate-limited action of a signed-in caller, and the variables that set its allowances. */
export const RATE_LIMITED_ACTIONS = {
  'link-create': {
    perUser: 'RATE_LIMIT_LINK_CREATE_PER_USER',
    perApiKey: 'RATE_LIMIT_LINK_CREATE_PER_API_KEY',
  },
  'link-import': {
    perUser: 'RATE_LIMIT_LINK_IMPORT_PER_USER',
    perApiKey: 'RATE_LIMIT_LINK_IMPORT_PER_API_KEY',
  },
} as const satisfies Record<string, CallerLimits>;

export type RateLimitedAction = keyof typeof RATE_LIMITED_ACTIONS;
