import { DECORATORS } from '@nestjs/swagger';
import { TestTokenIssuer } from '@capstone/platform/testing';
import { AuthErrorCode } from '../src';
import { bearer, ProbeApp } from './fixtures/probe-app';
import { ProbeController } from './fixtures/probe.controller';

describe('@AdminOnly()', () => {
  let issuer: TestTokenIssuer;
  let app: ProbeApp;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    app = await ProbeApp.start(issuer.authOptions);
  });

  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  it('forbids a signed-in user without the admin role', async () => {
    const response = await app.get(
      '/admin/audit',
      bearer(await issuer.mint({ claims: { roles: ['user'] } })),
    );
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: AuthErrorCode.Forbidden });
  });

  it('asks an anonymous caller for a token and admits an admin', async () => {
    expect((await app.get('/admin/audit')).status).toBe(401);
    const admin = await issuer.mint({ claims: { roles: ['user', 'admin'] } });
    expect((await app.get('/admin/audit', bearer(admin))).status).toBe(200);
  });

  it('documents the same rule in OpenAPI: a bearer token, 401 and 403', () => {
    const handler = ProbeController.prototype.audit;
    expect(Reflect.getMetadata(DECORATORS.API_SECURITY, handler)).toEqual([{ bearer: [] }]);
    expect(Object.keys(Reflect.getMetadata(DECORATORS.API_RESPONSE, handler))).toEqual([
      '401',
      '403',
    ]);
    expect(Reflect.getMetadata(DECORATORS.API_TAGS, handler)).toEqual(['admin']);
  });
});
