import { randomUUID } from 'node:crypto';
import {
  createServer,
  request,
  type IncomingMessage,
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
      headers: {
        ...incoming.headers,
        // Overwritten, never appended: a client must not choose the IP that rate limits count.
        'x-forwarded-for': incoming.socket.remoteAddress ?? '',
        'x-forwarded-proto': 'http',
        'x-request-id': incoming.headers['x-request-id'] ?? randomUUID(),
      },
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
