import { Client } from 'pg';
import type { StoredHeaders } from '../kafka/kafka-headers';
import { outboxChannel } from './outbox-channel';

export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  /** The payload as Postgres prints it: already the message's value, so the relay parses no JSON. */
  value: string;
  headers: StoredHeaders;
}

export interface OutboxLag {
  unpublished: number;
  oldestAgeSeconds: number;
}

/**
 * What a batch's values may add up to, in UTF-16 code units (at most three bytes each): Kafka refuses
 * a partition's record batch over the broker's message.max.bytes, 1 MiB by default, and a refused
 * batch would be retried forever. A single larger row still goes, alone.
 */
const batchValueLimit = 256 * 1024;

/** The leading rows whose values fit the limit; the rest wait for the next batch, still in order. */
function withinBrokerLimit(rows: OutboxRow[]): OutboxRow[] {
  let total = 0;
  const over = rows.findIndex((row) => (total += row.value.length) > batchValueLimit);
  return over === -1 ? rows : rows.slice(0, Math.max(over, 1));
}

/**
 * The relay's own connection: it LISTENs, and it holds the leader lock. The lock is session-scoped,
 * so it lives exactly as long as this connection; a relay that loses its connection loses the lead.
 */
export class RelaySession {
  private broken = false;

  private constructor(private readonly client: Client) {
    // A dropped connection surfaces here; the relay notices `isBroken` and opens a new session.
    client.on('error', () => (this.broken = true));
    client.on('end', () => (this.broken = true));
  }

  static async open(databaseUrl: string, onNotify: () => void): Promise<RelaySession> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'outbox-relay' });
    const session = new RelaySession(client);
    client.on('notification', onNotify);
    try {
      await client.connect();
      await client.query(`LISTEN ${outboxChannel}`);
    } catch (error) {
      await client.end().catch(() => undefined); // the connection error is the one worth reporting
      throw error;
    }
    return session;
  }

  get isBroken(): boolean {
    return this.broken;
  }

  /** One publisher per database: two relays interleaving their batches could reorder a key. */
  async tryLead(): Promise<boolean> {
    const { rows } = await this.client.query<{ leader: boolean }>(
      `SELECT pg_try_advisory_lock(hashtext('outbox'), hashtext('relay')) AS leader`,
    );
    return rows[0].leader;
  }

  /**
   * Stamps the rows Kafka acknowledged and reads the oldest waiting rows after them, in one round
   * trip. Rows still being sent are passed too, so the read skips them until they are stamped.
   */
  async markPublishedAndReadNext(
    acknowledged: readonly string[],
    sending: readonly string[],
    limit: number,
  ): Promise<OutboxRow[]> {
    // The SELECT sees the table as it was before the UPDATE, so stamped rows are skipped by id too.
    // Ordered as the (published_at, sequence) index is, so Postgres walks it and stops after the
    // batch; ordered by sequence alone, it would read and sort every waiting row for each batch.
    const { rows } = await this.client.query<OutboxRow>(
      `WITH stamped AS (
         UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[]))
       SELECT id, topic, key, payload::text AS value, headers FROM outbox_event
        WHERE published_at IS NULL AND id <> ALL($1::uuid[]) AND id <> ALL($2::uuid[])
        ORDER BY published_at, sequence LIMIT $3`,
      [acknowledged, sending, limit],
    );
    return withinBrokerLimit(rows);
  }

  async markPublished(ids: readonly string[]): Promise<void> {
    await this.client.query(
      `UPDATE outbox_event SET published_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async lag(): Promise<OutboxLag> {
    const { rows } = await this.client.query<{
      unpublished: number;
      oldest_age_seconds: number | null;
    }>(
      `SELECT count(*)::int AS unpublished,
              extract(epoch FROM now() - min(created_at))::float8 AS oldest_age_seconds
         FROM outbox_event WHERE published_at IS NULL`,
    );
    return { unpublished: rows[0].unpublished, oldestAgeSeconds: rows[0].oldest_age_seconds ?? 0 };
  }

  /** Deletes one bounded slice of rows published before the cutoff; returns how many went. */
  async deletePublishedBefore(cutoff: Date, limit: number): Promise<number> {
    const { rowCount } = await this.client.query(
      `DELETE FROM outbox_event WHERE id IN (
         SELECT id FROM outbox_event WHERE published_at < $1 ORDER BY published_at LIMIT $2)`,
      [cutoff, limit],
    );
    return rowCount ?? 0;
  }

  /** Deletes one bounded slice of processed-event records older than the cutoff. */
  async deleteProcessedBefore(cutoff: Date, limit: number): Promise<number> {
    const { rowCount } = await this.client.query(
      `DELETE FROM processed_event WHERE (consumer_group, event_id) IN (
         SELECT consumer_group, event_id FROM processed_event WHERE processed_at < $1 LIMIT $2)`,
      [cutoff, limit],
    );
    return rowCount ?? 0;
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
