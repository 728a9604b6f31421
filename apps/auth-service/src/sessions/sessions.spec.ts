import * as argon2 from 'argon2';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { PrismaService } from '../database/prisma.service';
import {
  startAuthService,
  PUBLIC_APP_URL,
  type AuthServiceUnderTest,
} from '../../test/auth-service';
import { logIn, register, registerAndLogIn } from '../../test/accounts';
import { Login } from './login';

const noClient = { ip: null, userAgent: null };

/** The middle of an odd number of samples: one slow outlier (a GC pause) cannot move it. */
function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

describe('sessions', () => {
  let service: AuthServiceUnderTest;

  beforeAll(async () => {
    service = await startAuthService('sessions');
  });

  afterEach(() => service.clock.reset());
  afterAll(() => service.close());

  const refresh = (refreshToken: string) =>
    service.http.post('/api/auth/v1/sessions/refresh').send({ refreshToken });

  describe('login', () => {
    it('returns an EdDSA access token with the claims every service verifies', async () => {
      const account = await register(service);
      const { accessToken, sessionId, userId } = await logIn(service, account);

      expect(decodeProtectedHeader(accessToken)).toMatchObject({
        alg: 'EdDSA',
        typ: 'JWT',
        kid: expect.any(String),
      });
      const claims = decodeJwt(accessToken);
      expect(claims).toMatchObject({
        iss: 'http://auth.test',
        aud: 'capstone',
        sub: userId,
        sid: sessionId,
        username: account.username,
        roles: ['user'],
        email_verified: false,
      });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
    });

    it('sets the refresh token as an HttpOnly, Secure, SameSite=Strict cookie scoped to the refresh path', async () => {
      const { refreshToken, setCookie } = await registerAndLogIn(service);
      const cookie = setCookie.find((header) => header.startsWith('refresh_token='));
      expect(cookie).toContain(`refresh_token=${refreshToken}`);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\/api\/auth\/v1\/sessions\/refresh/);
      expect(Buffer.from(refreshToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    });

    it('answers a wrong password and an unknown email with the same 401', async () => {
      const account = await register(service);
      const wrongPassword = await service.http
        .post('/api/auth/v1/sessions')
        .send({ email: account.email, password: 'not the password at all' })
        .expect(401);
      const unknownEmail = await service.http
        .post('/api/auth/v1/sessions')
        .send({ email: 'nobody-here@example.com', password: 'not the password at all' })
        .expect(401);
      const comparable = ({ body }: { body: Record<string, unknown> }) => ({
        ...body,
        requestId: undefined,
      });
      expect(comparable(unknownEmail)).toEqual(comparable(wrongPassword));
      expect(wrongPassword.body.code).toBe('invalid_credentials');
    });

    it('takes as long, in the median of many attempts, for an unknown email as for a wrong password', async () => {
      const account = await register(service);
      // The use case itself, not HTTP: the property lives there, and per-IP limits cap HTTP logins.
      const login = service.app.get(Login);
      const timed = async (email: string) => {
        const started = performance.now();
        await expect(
          login.login({ email, password: 'not the password at all' }, noClient),
        ).rejects.toThrow('Email or password is invalid');
        return performance.now() - started;
      };
      const wrongPassword: number[] = [];
      const unknownEmail: number[] = [];
      // Interleaved, so load on the machine falls on both kinds alike.
      for (let round = 0; round < 9; round++) {
        wrongPassword.push(await timed(account.email));
        unknownEmail.push(await timed('nobody-at-all@example.com'));
      }
      // Both pay for one argon2id verification (tens of milliseconds); without the dummy hash the
      // unknown email would answer in about a millisecond, a ratio near 0.05.
      const ratio = median(unknownEmail) / median(wrongPassword);
      expect(ratio).toBeGreaterThan(0.6);
      expect(ratio).toBeLessThan(1.6);
    });

    it('rehashes a password stored with weaker argon2id parameters at the next login', async () => {
      const account = await registerAndLogIn(service);
      const users = service.app.get(PrismaService).user;
      const weak = await argon2.hash(account.password, {
        type: argon2.argon2id,
        memoryCost: 8 * 1024,
        timeCost: 1,
        parallelism: 1,
      });
      await users.update({ where: { id: account.userId }, data: { passwordHash: weak } });

      await logIn(service, account);

      const { passwordHash } = await users.findUniqueOrThrow({ where: { id: account.userId } });
      const owasp = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };
      expect(argon2.needsRehash(weak, owasp)).toBe(true);
      expect(passwordHash).toMatch(/^\$argon2id\$/);
      expect(argon2.needsRehash(passwordHash, owasp)).toBe(false);
      await logIn(service, account);
    });

    it('refuses a disabled user even with the right password', async () => {
      const account = await registerAndLogIn(service);
      await service.app
        .get(PrismaService)
        .user.update({ where: { id: account.userId }, data: { disabledAt: new Date() } });

      const { body } = await service.http
        .post('/api/auth/v1/sessions')
        .send({ email: account.email, password: account.password })
        .expect(403);
      expect(body.code).toBe('account_disabled');
      await refresh(account.refreshToken).expect(401);
    });

    it('rejects a login without a password with 422', async () => {
      const { body } = await service.http
        .post('/api/auth/v1/sessions')
        .send({ email: 'a@example.com' })
        .expect(422);
      expect(body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'password' })]),
      );
    });
  });

  describe('refresh', () => {
    it('rotates the refresh token and issues a new access token for the same session', async () => {
      const { refreshToken, sessionId } = await registerAndLogIn(service);
      const { body } = await refresh(refreshToken).expect(200);
      expect(body.refreshToken).not.toBe(refreshToken);
      expect(body.sessionId).toBe(sessionId);
      expect(decodeJwt(body.accessToken).sid).toBe(sessionId);
    });

    it('rejects a reused refresh token and revokes the session family', async () => {
      const { refreshToken } = await registerAndLogIn(service);
      const { body: rotated } = await refresh(refreshToken).expect(200);

      const { body } = await refresh(refreshToken).expect(401);
      expect(body.code).toBe('session_ended');
      // The thief's replay also ended the legitimate holder's newer token.
      await refresh(rotated.refreshToken).expect(401);
    });

    it('accepts the cookie only from the web app origin', async () => {
      const { refreshToken } = await registerAndLogIn(service);
      const cookie = `refresh_token=${refreshToken}`;
      const { body } = await service.http
        .post('/api/auth/v1/sessions/refresh')
        .set('Cookie', cookie)
        .set('Origin', 'https://evil.example')
        .expect(403);
      expect(body.code).toBe('origin_not_allowed');
      await service.http.post('/api/auth/v1/sessions/refresh').set('Cookie', cookie).expect(403);

      await service.http
        .post('/api/auth/v1/sessions/refresh')
        .set('Cookie', cookie)
        .set('Origin', PUBLIC_APP_URL)
        .expect(200);
    });

    it('ends a session left unused for longer than the idle lifetime', async () => {
      const { refreshToken } = await registerAndLogIn(service);
      service.clock.advance(7 * 86_400 + 60);
      await refresh(refreshToken).expect(401);
    });

    it('ends a session at its absolute lifetime however often it is refreshed', async () => {
      let { refreshToken } = await registerAndLogIn(service);
      for (let day = 6; day < 30; day += 6) {
        service.clock.advance(6 * 86_400);
        ({
          body: { refreshToken },
        } = await refresh(refreshToken).expect(200));
      }
      // Day 30 and an hour: well within the idle lifetime, past the absolute one.
      service.clock.advance(6 * 86_400 + 3600);
      await refresh(refreshToken).expect(401);
    });
  });

  describe('my sessions', () => {
    it('lists my open sessions with device, IP and times, marking the current one', async () => {
      const account = await register(service);
      const first = await logIn(service, account);
      await service.http
        .post('/api/auth/v1/sessions')
        .set('User-Agent', 'Phone/1.0')
        .send({ email: account.email, password: account.password })
        .expect(201);

      const { body } = await service.http
        .get('/api/auth/v1/sessions')
        .set('Authorization', `Bearer ${first.accessToken}`)
        .expect(200);
      expect(body).toHaveLength(2);
      expect(body.find((session: { current: boolean }) => session.current).id).toBe(
        first.sessionId,
      );
      expect(body.map((session: { device: string }) => session.device)).toContain('Phone/1.0');
      expect(body[0]).toEqual(
        expect.objectContaining({
          ip: expect.any(String),
          createdAt: expect.any(String),
          lastUsedAt: expect.any(String),
        }),
      );
    });

    it('logs out this session only', async () => {
      const account = await register(service);
      const here = await logIn(service, account);
      const elsewhere = await logIn(service, account);
      await service.http
        .delete('/api/auth/v1/sessions/current')
        .set('Authorization', `Bearer ${here.accessToken}`)
        .expect(204);
      await refresh(here.refreshToken).expect(401);
      await refresh(elsewhere.refreshToken).expect(200);
    });

    it('logs out everywhere', async () => {
      const account = await register(service);
      const here = await logIn(service, account);
      const elsewhere = await logIn(service, account);
      await service.http
        .delete('/api/auth/v1/sessions')
        .set('Authorization', `Bearer ${here.accessToken}`)
        .expect(204);
      await refresh(here.refreshToken).expect(401);
      await refresh(elsewhere.refreshToken).expect(401);
    });

    it('revokes one session by id, and not someone else’s', async () => {
      const account = await register(service);
      const here = await logIn(service, account);
      const lost = await logIn(service, account);
      const stranger = await registerAndLogIn(service);

      await service.http
        .delete(`/api/auth/v1/sessions/${stranger.sessionId}`)
        .set('Authorization', `Bearer ${here.accessToken}`)
        .expect(404);
      await service.http
        .delete(`/api/auth/v1/sessions/${lost.sessionId}`)
        .set('Authorization', `Bearer ${here.accessToken}`)
        .expect(204);
      await refresh(lost.refreshToken).expect(401);
      await refresh(stranger.refreshToken).expect(200);
    });

    it('needs an access token', async () => {
      await service.http.get('/api/auth/v1/sessions').expect(401);
    });
  });
});
