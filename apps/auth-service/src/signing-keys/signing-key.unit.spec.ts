import { isPublishedAt, signingKeyAt, type StoredSigningKey } from './signing-key';

const at = (iso: string) => new Date(`2026-01-01T${iso}Z`);

function key(kid: string, activatedAt: string, retiredAt: string | null = null): StoredSigningKey {
  return {
    kid,
    algorithm: 'EdDSA',
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: kid },
    sealedPrivateKey: `sealed-${kid}`,
    createdAt: at(activatedAt),
    activatedAt: at(activatedAt),
    retiredAt: retiredAt === null ? null : at(retiredAt),
  };
}

describe('choosing the key that signs', () => {
  it('picks the newest key already activated', () => {
    const keys = [key('first', '08:00:00'), key('second', '09:00:00'), key('third', '10:00:00')];

    expect(signingKeyAt(keys, at('09:30:00'))?.kid).toBe('second');
  });

  it('does not sign with a rotated-in key before its activation, only from that moment', () => {
    const keys = [key('current', '08:00:00'), key('next', '10:00:00')];

    expect(signingKeyAt(keys, at('09:59:59'))?.kid).toBe('current');
    expect(signingKeyAt(keys, at('10:00:00'))?.kid).toBe('next');
  });

  it('skips a retired key, from the moment of its retirement', () => {
    const keys = [key('old', '08:00:00'), key('newer', '09:00:00', '10:00:00')];

    expect(signingKeyAt(keys, at('09:59:59'))?.kid).toBe('newer');
    expect(signingKeyAt(keys, at('10:00:00'))?.kid).toBe('old');
  });

  it('finds none when every key is retired or not yet active', () => {
    const keys = [key('retired', '08:00:00', '09:00:00'), key('pending', '11:00:00')];

    expect(signingKeyAt(keys, at('10:00:00'))).toBeUndefined();
  });

  it('does not depend on the order the keys were listed in', () => {
    const keys = [key('second', '09:00:00'), key('first', '08:00:00')];

    expect(signingKeyAt(keys, at('09:30:00'))?.kid).toBe('second');
    expect(signingKeyAt([...keys].reverse(), at('09:30:00'))?.kid).toBe('second');
  });
});

describe('publishing a key', () => {
  const tokenLifetimeMs = 15 * 60_000;

  it('publishes a key that has not retired, even before it signs', () => {
    expect(isPublishedAt(key('next', '10:00:00'), at('09:00:00'), tokenLifetimeMs)).toBe(true);
  });

  it('keeps a retired key published until the last token it signed has expired', () => {
    const retired = key('retired', '08:00:00', '09:00:00');

    expect(isPublishedAt(retired, at('09:14:59'), tokenLifetimeMs)).toBe(true);
    expect(isPublishedAt(retired, at('09:15:00'), tokenLifetimeMs)).toBe(false);
  });
});
