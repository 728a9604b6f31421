import { z } from 'zod';
import { ROLES } from '../principal';

/** auth-service answers "whose key is this?" here; internal only, never routed by the gateway. */
export const API_KEY_VERIFICATION_PATH = '/internal/api-keys/verify';

export const apiKeyVerificationRequest = z.object({ key: z.string().min(1) });
export type ApiKeyVerificationRequest = z.infer<typeof apiKeyVerificationRequest>;

/** The 200 answer for an active key. An unknown, expired or revoked key gets a 401 instead. */
export const apiKeyVerificationResponse = z.object({
  userId: z.string().min(1),
  username: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  emailVerified: z.boolean(),
  scopes: z.array(z.string()),
});
export type ApiKeyVerificationResponse = z.infer<typeof apiKeyVerificationResponse>;
