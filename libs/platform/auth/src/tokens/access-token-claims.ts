import { z } from 'zod';
import { ROLES } from '../principal';

/**
 * The claims auth-service signs into every access token besides the registered ones
 * (`iss`, `aud`, `iat`, `exp`, which jose checks). Both ends read this one definition.
 */
export const accessTokenClaims = z.object({
  sub: z.string().min(1),
  sid: z.string().min(1),
  username: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  email_verified: z.boolean(),
  /**
   * auth-service's profile version when the token was issued: a service whose projection of the
   * user is older asks auth-service, so a user sees their own change in their very next request.
   */
  profile_version: z.number().int().nonnegative().optional(),
});

export type AccessTokenClaims = z.infer<typeof accessTokenClaims>;
