import { UserProfileUpdated } from '@capstone/contracts';
import { awaitKafkaEvent } from '@capstone/platform/testing';
import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import { registerAndLogIn } from '../../test/accounts';

describe('my profile', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('profile');
  });

  afterAll(() => service.close());

  const read = (accessToken: string) =>
    service.http.get('/api/auth/v1/account').set('Authorization', `Bearer ${accessToken}`);
  const update = (accessToken: string, changes: object) =>
    service.http
      .patch('/api/auth/v1/account')
      .set('Authorization', `Bearer ${accessToken}`)
      .send(changes);

  it('changes my username, bio and image, and announces user.profile_updated', async () => {
    const me = await registerAndLogIn(service);
    const changes = {
      username: `${me.username}_renamed`,
      bio: 'Counts things.',
      image: 'https://example.com/ada.png',
    };

    const { body } = await update(me.accessToken, changes).expect(200);
    expect(body).toMatchObject({ id: me.userId, email: me.email, ...changes });
    expect((await read(me.accessToken).expect(200)).body).toMatchObject(changes);
    const event = await awaitKafkaEvent(
      service.topic('auth.users'),
      (candidate) =>
        candidate.type === UserProfileUpdated.type &&
        (candidate.data as { userId: string }).userId === me.userId,
    );
    expect(event.data).toEqual({
      userId: me.userId,
      email: me.email,
      ...changes,
      profileVersion: 2,
    });
  });

  it('clears the bio with an empty string', async () => {
    const me = await registerAndLogIn(service);
    await update(me.accessToken, { bio: 'Counts things.' }).expect(200);

    const { body } = await update(me.accessToken, { bio: '' }).expect(200);
    expect(body.bio).toBeNull();
  });

  it('rejects a malformed username or image with 422 naming the field', async () => {
    const me = await registerAndLogIn(service);

    const badUsername = await update(me.accessToken, { username: 'no spaces' }).expect(422);
    expect(badUsername.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'username' })]),
    );
    const badImage = await update(me.accessToken, { image: 'javascript:alert(1)' }).expect(422);
    expect(badImage.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'image' })]),
    );
  });

  it('refuses a null username with 422 naming the field: a username can be changed, not removed', async () => {
    const me = await registerAndLogIn(service);

    const { body } = await update(me.accessToken, { username: null }).expect(422);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'username' })]);
    expect((await read(me.accessToken).expect(200)).body.username).toBe(me.username);
  });

  it('needs an access token', async () => {
    await service.http.get('/api/auth/v1/account').expect(401);
    await service.http.patch('/api/auth/v1/account').send({ bio: 'x' }).expect(401);
  });
});
