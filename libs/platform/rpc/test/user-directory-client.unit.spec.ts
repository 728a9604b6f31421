import { directoryUserOf } from '../src';

describe('a UserDirectory answer', () => {
  const message = {
    userId: '0195f0a2-7c1e-7cc3-9a3e-1f2b3c4d5e6f',
    username: 'Ada',
    email: 'ada@example.com',
    status: 'USER_STATUS_DISABLED' as const,
    profileVersion: 4,
    roles: ['user'],
  };

  it('reads an unset bio or image as null and the status as a lower-case word', () => {
    expect(directoryUserOf(message)).toEqual({
      ...message,
      bio: null,
      image: null,
      status: 'disabled',
    });
  });

  it('keeps a bio and an image the account has', () => {
    expect(
      directoryUserOf({ ...message, bio: 'Counts.', image: 'https://a.test/a.png' }),
    ).toMatchObject({
      bio: 'Counts.',
      image: 'https://a.test/a.png',
    });
  });
});
