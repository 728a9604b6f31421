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
    super('Outbox.record joins the ambient transaction: call it inside TransactionHost.withTransaction');
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
    const tx = this.transactions.tx;
    const context = Correlation.current();
    for (const event of events) {
      const contract = eventContractFor(event);
      const topic = contract.topic;
      const stamped = joinCorrelation(contract.parse(event), context);
      // Serialises writers of one key until commit, so sequence order per key is commit order.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${topic}:${stamped.subject}`}, 0))`;
      await tx.$executeRaw`
        INSERT INTO outbox_event (id, topic, key, type, payload, headers)
        VALUES (${stamped.id}::uuid, ${topic}, ${stamped.subject}, ${stamped.type},
                ${JSON.stringify(stamped)}::jsonb, ${JSON.stringify(eventHeaders(stamped, context))}::jsonb)`;
    }
    // Postgres delivers a notification only when the transaction commits: a rollback wakes nobody.
    if (events.length > 0) await tx.$executeRaw`SELECT pg_notify(${outboxChannel}, '')`;
  }
}
