export type { AttackTokens } from './attack-tokens';
export type { TestSigningAlgorithm } from './signing-key';
export {
  TestTokenIssuer,
  type MintOptions,
  type TestTokenClaims,
  type TestTokenIssuerOptions,
} from './test-token-issuer';
