import { algorithmForKey, assertSigningAlgorithms } from './signing-algorithms';

const ed25519 = { kty: 'OKP', crv: 'Ed25519', x: 'public' };
const p256 = { kty: 'EC', crv: 'P-256', x: 'public-x', y: 'public-y' };

describe('choosing the algorithm a key verifies', () => {
  it('lets the key’s type and curve decide: EdDSA for Ed25519, ES256 for P-256', () => {
    expect(algorithmForKey(ed25519, ['EdDSA', 'ES256'])).toBe('EdDSA');
    expect(algorithmForKey(p256, ['EdDSA', 'ES256'])).toBe('ES256');
  });

  it('finds none for a key whose algorithm is not allowed', () => {
    expect(algorithmForKey(p256, ['EdDSA'])).toBeUndefined();
  });

  it('finds none for a key whose declared alg contradicts its shape', () => {
    expect(algorithmForKey({ ...ed25519, alg: 'ES256' }, ['EdDSA', 'ES256'])).toBeUndefined();
  });

  it('finds none for a symmetric key, so HMAC cannot be smuggled in with a public key', () => {
    expect(algorithmForKey({ kty: 'oct', k: 'secret', alg: 'HS256' }, ['EdDSA', 'ES256'])).toBe(
      undefined,
    );
  });

  it('accepts a key published for signatures and refuses one published for encryption', () => {
    expect(algorithmForKey({ ...ed25519, use: 'sig' }, ['EdDSA'])).toBe('EdDSA');
    expect(algorithmForKey({ ...ed25519, use: 'enc' }, ['EdDSA'])).toBeUndefined();
  });
});

describe('the configured algorithm allow-list', () => {
  it('accepts a non-empty subset of the asymmetric algorithms', () => {
    expect(() => assertSigningAlgorithms(['ES256', 'EdDSA'])).not.toThrow();
  });

  it('refuses an empty list and names what is supported', () => {
    expect(() => assertSigningAlgorithms([])).toThrow(
      new RangeError('algorithms must be a non-empty subset of EdDSA, ES256; got none'),
    );
  });

  it('refuses HS256 and none, naming what it got', () => {
    expect(() => assertSigningAlgorithms(['EdDSA', 'HS256', 'none'])).toThrow(
      new RangeError(
        'algorithms must be a non-empty subset of EdDSA, ES256; got EdDSA, HS256, none',
      ),
    );
  });
});
