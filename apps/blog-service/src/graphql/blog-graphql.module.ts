import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { Authenticator } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import type { FastifyRequest } from 'fastify';
import { ArticleReader } from '../articles/article-reader';
import { Authors } from '../authors/authors';
import { BlogModule } from '../blog.module';
import { Comments } from '../comments/comments';
import type { Environment } from '../config/environment';
import { ArticlesResolver } from './articles.resolver';
import { CommentAddedPublisher } from './comment-added.publisher';
import { CommentsResolver } from './comments.resolver';
import { GraphqlAuthGuard } from './graphql-auth.guard';
import { GraphqlContexts } from './graphql-context';
import { formatGraphqlErrors } from './graphql-errors';
import { ProfilesResolver } from './profiles.resolver';
import { complexityLimit } from './query-cost';
import { TagsResolver } from './tags.resolver';

/**
 * The blog over GraphQL at `/graphql` (code-first, on Mercurius): resolvers over the same
 * application services as the RealWorld API, subscriptions over WebSocket (graphql-ws and
 * graphql-transport-ws). GraphiQL is not served: it loads its scripts from a CDN, which the
 * platform's Content-Security-Policy refuses.
 */
@Module({
  imports: [
    BlogModule,
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      imports: [BlogModule],
      inject: [AppConfig, Authenticator, Authors, ArticleReader, Comments],
      useFactory: (
        config: AppConfig<Environment>,
        ...services: ConstructorParameters<typeof GraphqlContexts>
      ): MercuriusDriverConfig => {
        const contexts = new GraphqlContexts(...services);
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          queryDepth: config.get('GRAPHQL_MAX_DEPTH'),
          validationRules: complexityLimit(config.get('GRAPHQL_MAX_COMPLEXITY')),
          // Mercurius refuses per-request validation rules with its document cache, which would
          // also skip them for a document it had seen, whatever its variables.
          cache: false,
          errorFormatter: formatGraphqlErrors,
          context: (request: FastifyRequest) => contexts.ofRequest(request),
          subscription: {
            context: (_socket: unknown, upgrade: FastifyRequest) => contexts.ofSocket(upgrade),
          },
        };
      },
    }),
  ],
  providers: [
    ArticlesResolver,
    CommentsResolver,
    ProfilesResolver,
    TagsResolver,
    CommentAddedPublisher,
    { provide: APP_GUARD, useClass: GraphqlAuthGuard },
  ],
})
export class BlogGraphqlModule {}
