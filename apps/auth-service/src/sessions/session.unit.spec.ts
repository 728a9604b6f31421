import { idleExpiryAt, isLive, type Session } from './session';

const at = (iso: string) => new Date(`2026-01-01T${iso}Z`);

function session(changes: Partial<Session> = {}): Session {
  return {
    id: 'session-1',
    userId: 'user-1',
    client: { ip: '203.0.113.7', userAgent: 'test' },
    createdAt: at('08:00:00'),
    lastUsedAt: at('08:00:00'),
    idleExpiresAt: at('09:00:00'),
    absoluteExpiresAt: at('20:00:00'),
    revokedAt: null,
    ...changes,
  };
}

describe('session expiry', () => {
  it('is live before both its idle and its absolute expiry', () => {
    expect(isLive(session(), at('08:59:59'))).toBe(true);
  });

  it('ends at its idle expiry, to the millisecond', () => {
    expect(isLive(session(), at('09:00:00'))).toBe(false);
  });

  it('ends at its absolute expiry even while recently used', () => {
    const used = session({ idleExpiresAt: at('21:00:00') });

    expect(isLive(used, at('19:59:59'))).toBe(true);
    expect(isLive(used, at('20:00:00'))).toBe(false);
  });

  it('is not live once revoked, whatever its expiries say', () => {
    expect(isLive(session({ revokedAt: at('08:30:00') }), at('08:31:00'))).toBe(false);
  });

  it('moves the idle expiry to the idle lifetime after each use', () => {
    expect(idleExpiryAt(at('10:00:00'), 3_600, at('20:00:00'))).toEqual(at('11:00:00'));
  });

  it('never moves the idle expiry past the absolute expiry', () => {
    expect(idleExpiryAt(at('19:30:00'), 3_600, at('20:00:00'))).toEqual(at('20:00:00'));
  });
});
