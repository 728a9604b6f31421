import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import {
  createComplexityRule,
  fieldExtensionsEstimator,
  simpleEstimator,
} from 'graphql-query-complexity';
import { GraphQLError, type ValidationRule } from 'graphql';
import { GraphqlErrorCode } from './graphql-errors';

/** Comments are not paged: what one article's list is assumed to hold when estimating a cost. */
export const COMMENTS_PER_ARTICLE_ESTIMATE = 10;

/** A page of articles costs its size times what one article in it costs. */
export const pageCost = ({ args, childComplexity }: ComplexityEstimatorArgs): number =>
  1 + Number(args.limit ?? 1) * childComplexity;

export const commentsCost = ({ childComplexity }: ComplexityEstimatorArgs): number =>
  1 + COMMENTS_PER_ARTICLE_ESTIMATE * childComplexity;

export interface OperationToValidate {
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * Mercurius's `validationRules` as a function of each request, so the estimate uses the actual
 * variables (`articles(limit: $n)`). Every field costs 1 unless its `complexity` says otherwise.
 */
export function complexityLimit(
  maximumComplexity: number,
): (operation: OperationToValidate) => ValidationRule[] {
  return ({ variables, operationName }) => [
    createComplexityRule({
      maximumComplexity,
      variables: variables ?? {},
      operationName,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      createError: (max, actual) =>
        new GraphQLError(`The operation costs ${actual}, more than the ${max} allowed`, {
          extensions: { code: GraphqlErrorCode.QueryTooComplex, cost: actual, maximumCost: max },
        }),
    }),
  ];
}
