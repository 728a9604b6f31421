import { TestTokenIssuer } from '@capstone/platform/testing';
import { AccessTokenVerifier } from '../src/tokens/access-token-verifier';
import { JwksKeyStore } from '../src/tokens/jwks-key-store';
import type { VerificationKeys } from '../src/tokens/verification-keys';

/** Counts how often the verifier needed a key, i.e. how often it checked a signature. */
function countingKeys(keys: VerificationKeys): VerificationKeys & { lookups: number } {
  const counting = {
    algorithms: keys.algorithms,
    lookups: 0,
    keyFor: (kid: string, algorithm: string) => {
      counting.lookups += 1;
      return keys.keyFor(kid, algorithm);
    },
  };
  return counting;
}

describe('remembering verified access tokens', () => {
  let issuer: TestTokenIssuer;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
  });

  afterAll(() => issuer.close());

  const verifierWith = (
    keys: VerificationKeys,
    memo: { memoSize?: number; memoTtlMs?: number } = {},
  ) =>
    new AccessTokenVerifier({
      keys,
      issuer: issuer.authOptions.issuer,
      audience: issuer.authOptions.audience,
      ...memo,
    });

  it('checks a token signature once and answers its later requests from memory', async () => {
    const keys = countingKeys(new JwksKeyStore({ jwksUrl: issuer.jwksUrl }));
    const verifier = verifierWith(keys);
    const token = await issuer.mint();

    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toEqual(first);
    expect(keys.lookups).toBe(1);

    await verifier.verify(await issuer.mint({ claims: { username: 'someone-else' } }));
    expect(keys.lookups).toBe(2);
  });

  it('checks every time when the memo is turned off', async () => {
    const keys = countingKeys(new JwksKeyStore({ jwksUrl: issuer.jwksUrl }));
    const verifier = verifierWith(keys, { memoSize: 0 });
    const token = await issuer.mint();
    await verifier.verify(token);
    await verifier.verify(token);
    expect(keys.lookups).toBe(2);
  });

  it('never remembers a token that was rejected', async () => {
    const verifier = verifierWith(new JwksKeyStore({ jwksUrl: issuer.jwksUrl }));
    const tampered = await issuer.attacks.tamperedPayload();
    await expect(verifier.verify(tampered)).rejects.toMatchObject({ code: 'token_invalid' });
    await expect(verifier.verify(tampered)).rejects.toMatchObject({ code: 'token_invalid' });
  });
});
