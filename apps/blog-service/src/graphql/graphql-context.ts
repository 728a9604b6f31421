import type { Authenticator } from '@capstone/platform/auth';
import type { FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import type { ArticleReader } from '../articles/article-reader';
import type { Authors } from '../authors/authors';
import type { Comments } from '../comments/comments';
import { BlogLoaders } from './blog-loaders';
import { GraphqlCaller } from './graphql-caller';

/** What every resolver of one operation shares. */
export interface BlogGraphqlContext {
  caller: GraphqlCaller;
  loaders: BlogLoaders;
}

/** Builds the context of each HTTP request and of each WebSocket (shared by its subscriptions). */
export class GraphqlContexts {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly authors: Authors,
    private readonly articles: ArticleReader,
    private readonly comments: Comments,
  ) {}

  ofRequest(request: FastifyRequest): BlogGraphqlContext {
    return this.create(() => request.headers);
  }

  ofSocket(upgrade: FastifyRequest): BlogGraphqlContext {
    // A connection_init payload's keys arrive as the client spelled them.
    return this.create(() => lowerCased(upgrade.headers));
  }

  private create(headers: () => IncomingHttpHeaders): BlogGraphqlContext {
    const caller = new GraphqlCaller(this.authenticator, this.authors, headers);
    return {
      caller,
      loaders: new BlogLoaders(this.articles, this.comments, () => caller.principal),
    };
  }
}

function lowerCased(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
