import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { repoRoot } from '../workspace/paths';
import { startDevGateway } from './dev-gateway';
import { closedPrefixes, gatewayRoutes } from './gateway-routes';

const portOf = (server: Server) => (server.address() as AddressInfo).port;
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('the npm start gateway', () => {
  let upstream: Server;
  let gateway: Server;
  let seen: { url?: string; headers?: IncomingHttpHeaders };

  beforeAll(async () => {
    upstream = createServer((request, response) => {
      seen = { url: request.url, headers: request.headers };
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"from":"auth-service"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    gateway = await startDevGateway(0, new Map([['auth-service', portOf(upstream)]]));
  });

  afterAll(async () => {
    await close(gateway);
    await close(upstream);
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${portOf(gateway)}${path}`, { headers });

  it('forwards a routed path to its service, with the client address it saw rather than the one claimed', async () => {
    const response = await get('/api/user?x=1', {
      'X-Forwarded-For': '203.0.113.9',
      'X-Request-Id': 'req-1',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ from: 'auth-service' });
    expect(seen.url).toBe('/api/user?x=1');
    expect(seen.headers?.['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers?.['x-request-id']).toBe('req-1');
  });

  it('never forwards internal endpoints', async () => {
    expect((await get('/internal/api-keys/verify')).status).toBe(404);
  });

  it('answers an unrouted path with a problem document', async () => {
    const response = await get('/api/elsewhere');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('passes a WebSocket upgrade through to the service and carries frames both ways', async () => {
    const echo = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    echo.on('connection', (socket, request) =>
      socket.on('message', (data) => socket.send(`${request.url} ${String(data)}`)),
    );
    await once(echo, 'listening');
    const port = (echo.address() as AddressInfo).port;
    const wsGateway = await startDevGateway(0, new Map([['blog-service', port]]));
    try {
      const client = new WebSocket(`ws://127.0.0.1:${portOf(wsGateway)}/graphql`);
      await once(client, 'open');
      client.send('ping');
      const [reply] = await once(client, 'message');
      expect(String(reply)).toBe('/graphql ping');
      client.close();
    } finally {
      await close(wsGateway);
      await new Promise((resolve) => echo.close(resolve));
    }
  });

  it('answers 502 when the service behind a route is down', async () => {
    const lonely = await startDevGateway(0, new Map([['auth-service', 1]]));
    try {
      expect((await fetch(`http://127.0.0.1:${portOf(lonely)}/api/auth/v1/principal`)).status).toBe(
        502,
      );
    } finally {
      await close(lonely);
    }
  });
});

describe('the gateway routes', () => {
  it('are the ones the nginx gateway serves in Compose', () => {
    const conf = readFileSync(join(repoRoot, 'deploy/gateway/nginx.conf'), 'utf8');
    const upstreams = new Map(
      [...conf.matchAll(/set \$(\w+) http:\/\/([\w-]+):\d+;/g)].map(([, variable, host]) => [
        variable,
        host,
      ]),
    );
    const proxied = [...conf.matchAll(/location (\^~|=) (\S+) \{\s*proxy_pass \$(\w+);/g)].map(
      ([, modifier, path, variable]) => ({
        match: modifier === '=' ? 'exact' : 'prefix',
        path,
        service: upstreams.get(variable),
      }),
    );
    const refused = [...conf.matchAll(/location \^~ (\S+) \{\s*return 404;/g)].map(
      ([, path]) => path,
    );

    expect(proxied).toEqual(gatewayRoutes);
    expect(refused).toEqual(closedPrefixes);
  });
});
