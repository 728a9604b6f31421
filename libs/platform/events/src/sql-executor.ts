import type { TransactionalAdapter } from '@nestjs-cls/transactional';

/**
 * What the events library needs from a database client: parameterised raw SQL. Every service's
 * generated Prisma client (and its transaction client) fits, so the library never imports a
 * particular schema's client.
 */
export interface SqlExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

/** The library's view of a service's TransactionHost: its `tx` runs SQL, in the ambient transaction if one is open. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the service's adapter is contravariant in its client and options
export type SqlTransactions = TransactionalAdapter<any, SqlExecutor, any>;
