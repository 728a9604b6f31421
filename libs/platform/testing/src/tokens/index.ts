export * from './attack-tokens';
export * from './jwks-server';
export * from './signing-key';
export * from './test-token-issuer';
