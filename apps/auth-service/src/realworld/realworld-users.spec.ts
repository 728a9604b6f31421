import { decodeJwt } from 'jose';
import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import { newAccount, newClientIp, type TestAccount } from '../../test/accounts';

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

  const put = (token: string, user: object) =>
    service.http.put('/api/user').set('Authorization', `Token ${token}`).send({ user });

  describe("registration answers each field with one message, the spec's first", () => {
    it.each([
      ['an empty username', { username: '' }, 'username'],
      ['a username of spaces', { username: '   ' }, 'username'],
      ['a null email', { email: null }, 'email'],
      ['an empty email', { email: '' }, 'email'],
      ['an empty password', { password: '' }, 'password'],
      ['a null password', { password: null }, 'password'],
    ])('answers %s with 422 and only "can\'t be blank"', async (_case, blank, field) => {
      await post('/api/users', { user: { ...newAccount(), ...blank } }).expect(422, {
        errors: { [field]: ["can't be blank"] },
      });
    });

    it.each(['username', 'email', 'password'])(
      'answers a missing %s with 422 and "can\'t be blank" once',
      async (field) => {
        const { [field as keyof TestAccount]: _missing, ...rest } = newAccount();
        await post('/api/users', { user: rest }).expect(422, {
          errors: { [field]: ["can't be blank"] },
        });
      },
    );

    it('answers every missing field at once, each with one message', async () => {
      await post('/api/users', { user: {} }).expect(422, {
        errors: {
          username: ["can't be blank"],
          email: ["can't be blank"],
          password: ["can't be blank"],
        },
      });
      await post('/api/users', {}).expect(422, { errors: { user: ["can't be blank"] } });
    });

    it('answers a malformed email with "is invalid" and a malformed username with the pattern', async () => {
      await post('/api/users', { user: { ...newAccount(), email: 'not-an-email' } }).expect(422, {
        errors: { email: ['is invalid'] },
      });
      await post('/api/users', { user: { ...newAccount(), username: 'has space' } }).expect(422, {
        errors: { username: ['must be 1 to 64 letters, digits, _, . or -'] },
      });
    });
  });

  it('answers a login without a password or email with "can\'t be blank", never a length message', async () => {
    await post('/api/users/login', { user: { email: 'someone@example.com' } }).expect(422, {
      errors: { password: ["can't be blank"] },
    });
    await post('/api/users/login', { user: { email: '', password: 'whatever it is' } }).expect(
      422,
      { errors: { email: ["can't be blank"] } },
    );
  });

  it('accepts passwords of 8 and 64 characters and refuses 7', async () => {
    await post('/api/users', { user: { ...newAccount(), password: 'qzv8pwlk' } }).expect(201);
    await post('/api/users', { user: { ...newAccount(), password: 'qzv8pwlk'.repeat(8) } }).expect(
      201,
    );
    await post('/api/users', { user: { ...newAccount(), password: 'qzv8pwl' } }).expect(422, {
      errors: { password: ['is too short (minimum is 8 characters)'] },
    });
  });

  it('accepts a common password and one equal to the username, which only the native API refuses', async () => {
    await post('/api/users', { user: { ...newAccount(), password: 'password' } }).expect(201);
    const named = { ...newAccount(), username: 'samename1' };
    await post('/api/users', { user: { ...named, password: 'samename1' } }).expect(201);

    const { body } = await service.http
      .post('/api/auth/v1/accounts')
      .set('X-Forwarded-For', newClientIp())
      .send({ ...newAccount(), password: 'password' })
      .expect(422);
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'password', code: 'too_common' }),
    ]);
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

  it('updates bio, image and username, and returns a token with the new username', async () => {
    const account = await registered();
    const renamed = `${account.username}_2`;
    const { body } = await put(account.token, {
      bio: 'I like to skateboard',
      image: 'https://example.com/me.png',
      username: renamed,
    }).expect(200);
    expect(body.user).toMatchObject({
      bio: 'I like to skateboard',
      image: 'https://example.com/me.png',
      username: renamed,
    });
    expect(decodeJwt(body.user.token).username).toBe(renamed);
  });

  it('stores an empty bio and image as null', async () => {
    const account = await registered();
    await put(account.token, { bio: 'something', image: 'https://example.com/me.png' }).expect(200);
    const { body } = await put(account.token, { bio: '', image: '' }).expect(200);
    expect(body.user).toMatchObject({ bio: null, image: null });
    const { body: read } = await service.http
      .get('/api/user')
      .set('Authorization', `Token ${account.token}`)
      .expect(200);
    expect(read.user).toMatchObject({ bio: null, image: null });
  });

  it('accepts null for bio and image', async () => {
    const account = await registered();
    await put(account.token, { bio: 'something', image: 'https://example.com/me.png' }).expect(200);
    const { body } = await put(account.token, { bio: null, image: null }).expect(200);
    expect(body.user).toMatchObject({ bio: null, image: null });
  });

  it.each([
    ['empty', ''],
    ['null', null],
  ])(
    'refuses an %s email or username on update with 422 "can\'t be blank"',
    async (_case, blank) => {
      const account = await registered();
      await put(account.token, { email: blank }).expect(422, {
        errors: { email: ["can't be blank"] },
      });
      await put(account.token, { username: blank }).expect(422, {
        errors: { username: ["can't be blank"] },
      });
    },
  );

  it('refuses a password on update that is empty, null or under 8 characters, and accepts a common one of 8', async () => {
    const account = await registered();
    for (const blank of ['', null]) {
      await put(account.token, { password: blank }).expect(422, {
        errors: { password: ["can't be blank"] },
      });
    }
    await put(account.token, { password: 'qzv8pwl' }).expect(422, {
      errors: { password: ['is too short (minimum is 8 characters)'] },
    });
    await put(account.token, { password: 'password' }).expect(200);
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
