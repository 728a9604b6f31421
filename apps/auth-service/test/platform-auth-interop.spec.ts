import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AuthModule, CurrentUser, type Principal } from '@capstone/platform/auth';
import request from 'supertest';
import { startAuthService, type AuthServiceUnderTest } from './auth-service';
import { provisionAndLogIn, type SignedIn } from './provisioned-accounts';

const CACHE_TTL_MS = 30_000;

@Controller('whoami')
class WhoAmIController {
  @Get()
  whoAmI(@CurrentUser() caller: Principal): Principal {
    return caller;
  }
}

/** Another service, as small as it gets: it knows auth-service only through libs/platform/auth. */
async function startConsumerService(authServiceUrl: string): Promise<NestFastifyApplication> {
  @Module({
    imports: [
      AuthModule.forRoot({
        jwksUrl: `${authServiceUrl}/.well-known/jwks.json`,
        issuer: 'http://auth.test',
        audience: 'capstone',
        apiKeys: { authInternalUrl: authServiceUrl, cacheTtlMs: CACHE_TTL_MS },
      }),
    ],
    controllers: [WhoAmIController],
  })
  class ConsumerModule {}

  const moduleRef = await Test.createTestingModule({ imports: [ConsumerModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('auth-service credentials, accepted by another service through libs/platform/auth', () => {
  let service: AuthServiceUnderTest;
  let consumer: NestFastifyApplication;
  let ada: SignedIn;

  beforeAll(async () => {
    service = await startAuthService('interop');
    await service.app.listen(0, '127.0.0.1');
    consumer = await startConsumerService(await service.app.getUrl());
    ada = await provisionAndLogIn(service, 'ada');
  });

  afterAll(async () => {
    await consumer.close();
    await service.close();
  });

  const whoAmI = () => request(consumer.getHttpServer()).get('/whoami');

  it('accepts an access token from auth-service’s login, verified against its JWKS', async () => {
    const { body } = await whoAmI().set(ada.bearer).expect(200);

    expect(body).toMatchObject({
      userId: ada.userId,
      username: 'ada',
      roles: ['user'],
      via: 'token',
    });
  });

  it('rejects that token once its claims are tampered with', async () => {
    const [header, payload, signature] = ada.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, roles: ['user', 'admin'] })).toString(
      'base64url',
    );

    const { body } = await whoAmI()
      .set('Authorization', `Bearer ${header}.${promoted}.${signature}`)
      .expect(401);

    expect(body.code).toBe('token_invalid');
  });

  it('accepts a personal API key, verified by auth-service’s internal endpoint', async () => {
    const { body: created } = await service.http
      .post('/api/auth/v1/api-keys')
      .set(ada.bearer)
      .send({ name: 'interop', scopes: ['links:write'] })
      .expect(201);

    const { body } = await whoAmI().set('Authorization', `ApiKey ${created.key}`).expect(200);

    expect(body).toMatchObject({ userId: ada.userId, via: 'api-key', scopes: ['links:write'] });
  });

  it('keeps accepting a revoked API key only until its cached answer expires', async () => {
    const { body: created } = await service.http
      .post('/api/auth/v1/api-keys')
      .set(ada.bearer)
      .send({ name: 'soon revoked', scopes: [] })
      .expect(201);
    const withKey = () => whoAmI().set('X-Api-Key', created.key);
    await withKey().expect(200);

    await service.http.delete(`/api/auth/v1/api-keys/${created.id}`).set(ada.bearer).expect(204);

    await withKey().expect(200);
    const realNow = Date.now.bind(Date);
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + CACHE_TTL_MS + 1);
    try {
      const { body } = await withKey().expect(401);
      expect(body.code).toBe('api_key_invalid');
    } finally {
      clock.mockRestore();
    }
  });
});
