import { decodeJwt } from 'jose';
import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import { newAccount, newClientIp } from '../../test/accounts';

describe('RealWorld user endpoints', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('realworld');
  });

  afterAll(() => service.close());

  const post = (path: string, body: object) =>
    service.http.post(path).set('X-Forwarded-For', newClientIp()).send(body);

  async function registered() {
    const account = newAccount();
    const { body } = await post('/api/users', { user: account }).expect(201);
    return { ...account, token: body.user.token as string };
  }

  it('registers with 201 and a User whose token is an access token', async () => {
    const account = newAccount();
    const response = await post('/api/users', { user: account }).expect(201);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toEqual({
      user: {
        email: account.email,
        username: account.username,
        bio: null,
        image: null,
        token: expect.any(String),
      },
    });
    expect(decodeJwt(response.body.user.token).username).toBe(account.username);
  });

  it('logs in with 200 and the same User shape', async () => {
    const account = await registered();
    const { body } = await post('/api/users/login', {
      user: { email: account.email, password: account.password },
    }).expect(200);
    expect(body.user).toMatchObject({
      email: account.email,
      username: account.username,
      bio: null,
      image: null,
    });
  });

  it('answers a failed login with 401 credentials invalid', async () => {
    const account = await registered();
    await post('/api/users/login', {
      user: { email: account.email, password: 'wrong password here' },
    }).expect(401, {
      errors: { credentials: ['invalid'] },
    });
  });

  it.each([
    ['username', { username: '' }],
    ['email', { email: null }],
    ['password', { password: '' }],
  ])('answers a blank %s with 422 "can\'t be blank"', async (field, blank) => {
    const { body } = await post('/api/users', { user: { ...newAccount(), ...blank } }).expect(422);
    expect(body.errors[field]).toContain("can't be blank");
  });

  it('accepts passwords of 8 and 64 characters and refuses 7', async () => {
    await post('/api/users', { user: { ...newAccount(), password: 'qzv8pwlk' } }).expect(201);
    await post('/api/users', { user: { ...newAccount(), password: 'qzv8pwlk'.repeat(8) } }).expect(
      201,
    );
    const { body } = await post('/api/users', {
      user: { ...newAccount(), password: 'qzv8pwl' },
    }).expect(422);
    expect(Object.keys(body.errors)).toEqual(['password']);
  });

  it('answers a taken username and email with 409 "has already been taken"', async () => {
    const account = await registered();
    const { email, username } = account;
    const { body } = await post('/api/users', {
      user: { email, username, password: 'another fine password' },
    }).expect(409);
    expect(body.errors).toEqual({
      email: ['has already been taken'],
      username: ['has already been taken'],
    });
  });

  it('reads the current user with the Token scheme and with Bearer', async () => {
    const account = await registered();
    for (const scheme of ['Token', 'Bearer']) {
      const { body } = await service.http
        .get('/api/user')
        .set('Authorization', `${scheme} ${account.token}`)
        .expect(200);
      expect(body.user).toMatchObject({
        email: account.email,
        username: account.username,
        token: account.token,
      });
    }
  });

  it('answers a missing token with 401 token is missing, and a bad one with 401', async () => {
    await service.http.get('/api/user').expect(401, { errors: { token: ['is missing'] } });
    await service.http.get('/api/user').set('Authorization', 'Token not.a.jwt').expect(401);
  });

  it('updates bio, image and username, stores empty strings as null, and returns a token with the new username', async () => {
    const account = await registered();
    const auth = `Token ${account.token}`;
    const renamed = `${account.username}_2`;
    const { body } = await service.http
      .put('/api/user')
      .set('Authorization', auth)
      .send({
        user: {
          bio: 'I like to skateboard',
          image: 'https://example.com/me.png',
          username: renamed,
        },
      })
      .expect(200);
    expect(body.user).toMatchObject({
      bio: 'I like to skateboard',
      image: 'https://example.com/me.png',
      username: renamed,
    });
    expect(decodeJwt(body.user.token).username).toBe(renamed);

    const cleared = await service.http
      .put('/api/user')
      .set('Authorization', auth)
      .send({ user: { bio: '', image: null } })
      .expect(200);
    expect(cleared.body.user).toMatchObject({ bio: null, image: null });
  });

  it('refuses an empty email or username on update with 422', async () => {
    const account = await registered();
    const { body } = await service.http
      .put('/api/user')
      .set('Authorization', `Token ${account.token}`)
      .send({ user: { email: '', username: null } })
      .expect(422);
    expect(body.errors).toEqual({
      email: expect.arrayContaining(["can't be blank"]),
      username: expect.arrayContaining(["can't be blank"]),
    });
  });

  it('changes the password through PUT, after which only the new one logs in', async () => {
    const account = await registered();
    await service.http
      .put('/api/user')
      .set('Authorization', `Token ${account.token}`)
      .send({ user: { password: 'a completely new passphrase' } })
      .expect(200);
    await post('/api/users/login', {
      user: { email: account.email, password: account.password },
    }).expect(401);
    await post('/api/users/login', {
      user: { email: account.email, password: 'a completely new passphrase' },
    }).expect(200);
  });
});
