import { credentialsFrom, type Authenticator, type Principal } from '@capstone/platform/auth';
import type { IncomingHttpHeaders } from 'node:http';
import type { Authors } from '../authors/authors';

/**
 * Who sent one GraphQL operation, verified at most once however many root fields ask: the
 * platform's Authenticator over the same `Authorization: Token|Bearer <jwt>` header HTTP routes
 * read (for a WebSocket, the upgrade's headers or its `connection_init` payload).
 */
export class GraphqlCaller {
  private verified?: Promise<Principal | undefined>;
  private known?: Principal;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly authors: Authors,
    // Read late: Mercurius adds a socket's connection_init payload to its headers only then.
    private readonly headers: () => IncomingHttpHeaders,
  ) {}

  /** The caller, or undefined when anonymous; rejects with an AuthError when a credential fails. */
  identify(): Promise<Principal | undefined> {
    this.verified ??= this.verify();
    return this.verified;
  }

  /** The caller once `identify` has resolved (GraphqlAuthGuard sees to it before any resolver). */
  get principal(): Principal | undefined {
    return this.known;
  }

  private async verify(): Promise<Principal | undefined> {
    const credentials = credentialsFrom(this.headers());
    if (!credentials) return undefined;
    const principal = await this.authenticator.authenticate(credentials);
    // Read-your-writes, as CurrentReaderInterceptor gives HTTP requests.
    await this.authors.refresh(principal);
    this.known = principal;
    return principal;
  }
}
