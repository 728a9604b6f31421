import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import request from 'supertest';
import { createCatalogApp } from './support/catalog-app';
import { logLines } from './support/log-lines';
import { signatureOf } from './support/platform-features';

describe('what the platform gives every service on Fastify', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    process.env.UPLOAD_LIMIT = '64kb';
    app = await createCatalogApp(logLines());
  });

  afterAll(async () => {
    delete process.env.UPLOAD_LIMIT;
    await app.close();
  });

  it('hands a webhook the exact bytes it was sent, so a signature over them verifies', async () => {
    // Spacing and key order a JSON round trip would not reproduce.
    const payload = '{ "type":"payment.succeeded",  "amount": 1200 }';

    await request(app.getHttpServer())
      .post('/v1/webhooks/payments')
      .set('Content-Type', 'application/json')
      .set('X-Signature', signatureOf(payload))
      .send(payload)
      .expect(204);
    await request(app.getHttpServer())
      .post('/v1/webhooks/payments')
      .set('Content-Type', 'application/json')
      .set('X-Signature', signatureOf(payload))
      .send(payload.replace('1200', '9999'))
      .expect(401);
  });

  it('streams a multipart upload to the handler and reports its size and digest', async () => {
    const file = Buffer.alloc(40 * 1024, 'capstone');

    const response = await request(app.getHttpServer())
      .post('/v1/uploads')
      .attach('file', file, { filename: 'cover.png', contentType: 'image/png' })
      .expect(201);

    expect(response.body).toEqual({
      filename: 'cover.png',
      bytes: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
    });
  });

  it('answers a file over UPLOAD_LIMIT with 413 payload_too_large', async () => {
    const response = await request(app.getHttpServer())
      .post('/v1/uploads')
      .attach('file', Buffer.alloc(100 * 1024), { filename: 'huge.png' })
      .expect(413);

    expect(response.body).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('answers an upload route called without a multipart body with a 4xx, not a 500', async () => {
    const response = await request(app.getHttpServer()).post('/v1/uploads').send({ file: 'x' });

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('sets cookies on a response and reads them back from the next request', async () => {
    const set = await request(app.getHttpServer()).post('/v1/visitor/cookie').expect(204);
    const cookie = set.headers['set-cookie'] as unknown as string[];

    expect(cookie).toEqual([
      expect.stringMatching(/^visitor=v-1; Path=\/v1\/visitor; HttpOnly; SameSite=Strict$/),
    ]);
    const read = await request(app.getHttpServer()).get('/v1/visitor').set('Cookie', 'visitor=v-1');
    expect(read.body.cookie).toBe('v-1');
  });

  it('takes the client address from X-Forwarded-For when a trusted proxy (loopback) sent it', async () => {
    const response = await request(app.getHttpServer())
      .get('/v1/visitor')
      .set('X-Forwarded-For', '203.0.113.7')
      .expect(200);

    expect(response.body.ip).toBe('203.0.113.7');
  });

  it('serves socket.io on the same HTTP server, acknowledging events', async () => {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const socket = io(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      reconnection: false,
    });
    try {
      await expect(socket.timeout(5000).emitWithAck('echo', 'hello')).resolves.toEqual({
        echoed: 'hello',
      });
    } finally {
      socket.disconnect();
    }
  });
});

describe('proxy trust', () => {
  it('ignores X-Forwarded-For from an address TRUSTED_PROXIES does not name', async () => {
    process.env.TRUSTED_PROXIES = '192.0.2.1';
    const app = await createCatalogApp(logLines());
    try {
      const response = await request(app.getHttpServer())
        .get('/v1/visitor')
        .set('X-Forwarded-For', '203.0.113.7')
        .expect(200);

      expect(response.body.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    } finally {
      delete process.env.TRUSTED_PROXIES;
      await app.close();
    }
  });
});
