/**
 * What the events library needs from a database client: parameterised raw SQL and interactive
 * transactions. Every service's generated Prisma client (and its transaction client) fits, so the
 * library never imports a particular schema's client.
 */
export interface SqlExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

export interface TransactionalDatabase<Tx extends SqlExecutor = SqlExecutor> {
  $transaction<R>(work: (tx: Tx) => Promise<R>): PromiseLike<R>;
}
