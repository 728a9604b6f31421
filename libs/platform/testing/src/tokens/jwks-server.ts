import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';

const JWKS_PATH = '/.well-known/jwks.json';

/** A JWKS endpoint over real HTTP on an ephemeral port, counting every fetch it receives. */
export class JwksServer {
  fetches = 0;
  /** While false, fetches answer 503, as an auth-service outage would. */
  available = true;
  private keys: readonly JWK[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<JwksServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const jwks = new JwksServer(server, `http://127.0.0.1:${port}${JWKS_PATH}`);
    server.on('request', (request, response) => jwks.answer(request, response));
    return jwks;
  }

  publish(keys: readonly JWK[]): void {
    this.keys = keys;
  }

  async close(): Promise<void> {
    // Keep-alive sockets from the verifier's fetch would otherwise hold the server open.
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET' || request.url !== JWKS_PATH) {
      response.writeHead(404).end();
      return;
    }
    this.fetches += 1;
    if (!this.available) {
      response.writeHead(503).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: this.keys }));
  }
}
