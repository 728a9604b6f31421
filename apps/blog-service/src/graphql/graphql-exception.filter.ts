import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { graphqlErrorOf } from './graphql-errors';

/**
 * Gives a resolver's exception back to GraphQL, already coded: Mercurius sends a subscription's
 * refusal without its error formatter, so the code cannot wait for the formatter. On every
 * resolver class, where a class's filters are chosen before the global ones.
 */
@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  catch(exception: unknown): never {
    throw graphqlErrorOf(exception);
  }
}
