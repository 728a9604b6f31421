import { eventContractFor, type EventEnvelope } from '@capstone/contracts';
import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { Correlation } from '@capstone/platform/observability';
import { eventHeaders } from '../kafka/kafka-headers';
import type { SqlTransactions } from '../sql-executor';
import { joinCorrelation } from './correlation-stamp';
import { outboxChannel } from './outbox-channel';

/** Thrown when an event is recorded with no transaction open: it would commit without its change. */
export class OutboxOutsideTransaction extends Error {
  constructor() {
    super(
      'Outbox.record joins the ambient transaction: call it inside TransactionHost.withTransaction',
    );
  }
}

/**
 * Records events in the ambient transaction, next to the state change they describe: both
 * commit or neither does. The relay publishes them afterwards.
 */
@Injectable()
export class Outbox {
  constructor(private readonly transactions: TransactionHost<SqlTransactions>) {}

  record(event: EventEnvelope): Promise<void> {
    return this.recordAll([event]);
  }

  async recordAll(events: readonly EventEnvelope[]): Promise<void> {
    if (!this.transactions.isTransactionActive()) throw new OutboxOutsideTransaction();
    if (events.length === 0) return;
    const tx = this.transactions.tx;
    const context = Correlation.current();
    const rows = events.map((event) => {
      const contract = eventContractFor(event);
      const stamped = joinCorrelation(contract.parse(event), context);
      return { topic: contract.topic, event: stamped, headers: eventHeaders(stamped, context) };
    });
    // Two statements however many events: each round trip through the client costs more than the rows.
    // Serialises writers of one key until commit, so sequence order per key is commit order; taken in
    // sorted order, so two transactions sharing keys cannot each hold one the other waits for. The
    // locks are a statement of their own: within one statement Postgres promises no order between
    // taking them and the INSERT drawing sequence numbers.
    const lockKeys = [
      ...new Set(rows.map(({ topic, event }) => `${topic}:${event.subject}`)),
    ].sort();
    await tx.$executeRaw`
      SELECT pg_advisory_xact_lock(hashtextextended(lock_key, 0))
        FROM unnest(${lockKeys}::text[]) WITH ORDINALITY AS locks(lock_key, position)
       ORDER BY position`;
    // Rows are inserted in the order given, so the sequence keeps one transaction's events in order.
    // Postgres delivers the notification only when the transaction commits: a rollback wakes nobody.
    await tx.$executeRaw`
      WITH recorded AS (
        INSERT INTO outbox_event (id, topic, key, type, payload, headers)
        SELECT id, topic, key, type, payload, headers
          FROM unnest(${rows.map((row) => row.event.id)}::uuid[],
                      ${rows.map((row) => row.topic)}::text[],
                      ${rows.map((row) => row.event.subject)}::text[],
                      ${rows.map((row) => row.event.type)}::text[],
                      ${rows.map((row) => JSON.stringify(row.event))}::jsonb[],
                      ${rows.map((row) => JSON.stringify(row.headers))}::jsonb[])
               WITH ORDINALITY AS recorded(id, topic, key, type, payload, headers, position)
         ORDER BY position)
      SELECT pg_notify(${outboxChannel}, '')`;
  }
}
