import { registerAndLogIn } from '../../test/accounts';
import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';

describe('the principal endpoint', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('principal');
  });

  afterAll(() => service.close());

  it('tells a signed-in caller who their token says they are', async () => {
    const caller = await registerAndLogIn(service);
    const { body } = await service.http
      .get('/api/auth/v1/principal')
      .set('Authorization', `Bearer ${caller.accessToken}`)
      .expect(200);
    expect(body).toEqual({
      userId: caller.userId,
      sessionId: caller.sessionId,
      username: caller.username,
      roles: ['user'],
      emailVerified: false,
      via: 'token',
    });
  });

  it('rejects a caller without a token', async () => {
    const { body } = await service.http.get('/api/auth/v1/principal').expect(401);
    expect(body.code).toBe('token_missing');
  });
});
