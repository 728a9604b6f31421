import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import {
  createServer,
  request,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { routeFor } from './gateway-routes';

const notFound = JSON.stringify({
  type: 'about:blank',
  title: 'Not Found',
  status: 404,
  code: 'not_found',
});

/**
 * The gateway for `npm start`: the same routes and headers as the nginx gateway in Compose,
 * forwarding each request to the service on its local port.
 */
export function startDevGateway(
  port: number,
  servicePorts: ReadonlyMap<string, number>,
): Promise<Server> {
  const server = createServer((incoming, outgoing) => forward(incoming, outgoing, servicePorts));
  // WebSocket upgrades (GraphQL subscriptions), as nginx passes them on with `Upgrade`/`Connection`.
  server.on('upgrade', (incoming: IncomingMessage, socket: Duplex, head: Buffer) =>
    forwardUpgrade(incoming, socket, head, servicePorts),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function forward(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  servicePorts: ReadonlyMap<string, number>,
): void {
  const path = new URL(incoming.url ?? '/', 'http://gateway').pathname;
  if (path === '/healthz') {
    outgoing.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    return;
  }
  const route = routeFor(path);
  const servicePort = route && servicePorts.get(route.service);
  if (!servicePort) {
    outgoing.writeHead(404, { 'content-type': 'application/problem+json' }).end(notFound);
    return;
  }
  const upstream = request(
    {
      host: '127.0.0.1',
      port: servicePort,
      method: incoming.method,
      path: incoming.url,
      headers: forwardedHeaders(incoming),
    },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  upstream.on('error', () => {
    if (!outgoing.headersSent)
      outgoing.writeHead(502, { 'content-type': 'application/problem+json' });
    outgoing.end(
      JSON.stringify({
        type: 'about:blank',
        title: 'Bad Gateway',
        status: 502,
        code: 'bad_gateway',
      }),
    );
  });
  incoming.pipe(upstream);
}

function forwardedHeaders(incoming: IncomingMessage): OutgoingHttpHeaders {
  return {
    ...incoming.headers,
    // Overwritten, never appended: a client must not choose the IP that rate limits count.
    'x-forwarded-for': incoming.socket.remoteAddress ?? '',
    'x-forwarded-proto': 'http',
    'x-request-id': incoming.headers['x-request-id'] ?? randomUUID(),
  };
}

function forwardUpgrade(
  incoming: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  servicePorts: ReadonlyMap<string, number>,
): void {
  const route = routeFor(new URL(incoming.url ?? '/', 'http://gateway').pathname);
  const servicePort = route && servicePorts.get(route.service);
  if (!servicePort) {
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    return;
  }
  const upstream = request({
    host: '127.0.0.1',
    port: servicePort,
    method: incoming.method,
    path: incoming.url,
    headers: forwardedHeaders(incoming),
  });
  upstream.on('upgrade', (answer, upstreamSocket, upstreamHead) => {
    const lines = [`HTTP/1.1 101 ${answer.statusMessage ?? 'Switching Protocols'}`];
    for (let index = 0; index < answer.rawHeaders.length; index += 2)
      lines.push(`${answer.rawHeaders[index]}: ${answer.rawHeaders[index + 1]}`);
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    upstreamSocket.pipe(socket).pipe(upstreamSocket);
    const closeBoth = () => {
      socket.destroy();
      upstreamSocket.destroy();
    };
    socket.on('error', closeBoth);
    upstreamSocket.on('error', closeBoth);
  });
  // The service refused the upgrade: its answer goes back as is, and the connection closes.
  upstream.on('response', (answer) => {
    socket.end(
      `HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\nConnection: close\r\n\r\n`,
    );
  });
  upstream.on('error', () => socket.destroy());
  upstream.end();
}
