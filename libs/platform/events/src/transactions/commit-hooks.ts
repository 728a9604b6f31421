import { Logger } from '@nestjs/common';
import type { TransactionHost } from '@nestjs-cls/transactional';
import { AsyncLocalStorage } from 'node:async_hooks';

/** Work that must wait until a transaction's changes are visible to everyone, e.g. forgetting a cache. */
export type CommitHook = () => Promise<void>;

/** Thrown when `afterCommit` runs in a transaction that `withCommitHooks` did not open: nothing would run the hook. */
export class AfterCommitOutsideHookedTransaction extends Error {
  constructor() {
    super(
      'afterCommit was called inside a transaction opened without withCommitHooks, so nothing would run it: open the outermost transaction with withCommitHooks',
    );
  }
}

// The hooks of the outermost hooked transaction in progress; a nested transaction joins its list.
const pendingHooks = new AsyncLocalStorage<CommitHook[]>();
const logger = new Logger('CommitHooks');

/**
 * `transactions.withTransaction(work)`, then, once the outermost transaction has committed, the hooks
 * that `afterCommit` registered within it, in order. A rollback runs none. Inside a transaction already
 * open, `work` joins it and its hooks wait for that transaction's commit.
 *
 * Why not simply after the call: code that may run inside someone else's transaction (a projection
 * applied by a consumer, whose processed-event row commits with it) cannot know when its change
 * becomes visible. Forgetting a cache before then lets a read in between cache the old state again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any service's adapter
export async function withCommitHooks<T>(
  transactions: TransactionHost<any>,
  work: () => Promise<T>,
) {
  if (transactions.isTransactionActive()) return transactions.withTransaction(work) as Promise<T>;
  const hooks: CommitHook[] = [];
  const result = (await pendingHooks.run(hooks, () => transactions.withTransaction(work))) as T;
  // Committed: a failing hook is reported, never turned into a failure of work that is already done.
  for (const hook of hooks) {
    await hook().catch((error: Error) =>
      logger.error(`a hook after commit failed: ${error.message}`, error.stack),
    );
  }
  return result;
}

/** Runs `hook` after the ambient transaction commits (see withCommitHooks), or at once outside one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any service's adapter
export async function afterCommit(transactions: TransactionHost<any>, hook: CommitHook) {
  if (!transactions.isTransactionActive()) return hook();
  const hooks = pendingHooks.getStore();
  if (!hooks) throw new AfterCommitOutsideHookedTransaction();
  hooks.push(hook);
}
