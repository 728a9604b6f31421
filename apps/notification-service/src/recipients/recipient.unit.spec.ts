import { deleted, disabled, mailTo, withProfile, type Recipient } from './recipient';

describe('a recipient', () => {
  const userId = '0190a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b';
  const ada = { userId, email: 'ada@example.com', username: 'ada' };
  const known = (profileVersion: number | null): Recipient => ({
    userId,
    status: 'active',
    address: { email: 'ada@example.com', username: 'ada' },
    profileVersion,
  });

  it('is introduced, with the address to mail, by the first profile heard of', () => {
    const recipient = withProfile(null, { ...ada, profileVersion: 1 });
    expect(mailTo(recipient)).toEqual({ userId, email: 'ada@example.com', username: 'ada' });
    expect(recipient.profileVersion).toBe(1);
  });

  it('takes a newer profile and ignores one older than what it holds', () => {
    const current = known(3);
    const newer = withProfile(current, { ...ada, email: 'new@example.com', profileVersion: 4 });
    expect(newer.address?.email).toBe('new@example.com');
    expect(newer.profileVersion).toBe(4);
    expect(withProfile(newer, { ...ada, email: 'old@example.com', profileVersion: 2 })).toBe(newer);
  });

  it('takes a profile without a version in arrival order and keeps the version it knew', () => {
    const updated = withProfile(known(3), { ...ada, email: 'new@example.com' });
    expect(updated.address?.email).toBe('new@example.com');
    expect(updated.profileVersion).toBe(3);
    expect(withProfile(known(null), { ...ada, profileVersion: 1 }).profileVersion).toBe(1);
  });

  it('gets no email once disabled, unless the disabling is older than the profile it holds', () => {
    expect(mailTo(disabled(known(3), { userId, profileVersion: 4 }))).toBeNull();
    expect(mailTo(disabled(known(3), { userId }))).toBeNull();
    expect(mailTo(disabled(null, { userId }))).toBeNull();
    const current = known(5);
    expect(disabled(current, { userId, profileVersion: 4 })).toBe(current);
  });

  it('stays disabled when a later profile arrives', () => {
    const recipient = withProfile(disabled(known(1), { userId, profileVersion: 2 }), {
      ...ada,
      profileVersion: 3,
    });
    expect(recipient.status).toBe('disabled');
    expect(mailTo(recipient)).toBeNull();
  });

  it('keeps nothing of a deleted user, whatever the version, and no later profile revives them', () => {
    const gone = deleted(known(5), { userId, profileVersion: 2 });
    expect(gone).toEqual({ userId, status: 'deleted', address: null, profileVersion: 2 });
    expect(withProfile(gone, { ...ada, profileVersion: 9 })).toBe(gone);
    expect(mailTo(gone)).toBeNull();
  });
});
