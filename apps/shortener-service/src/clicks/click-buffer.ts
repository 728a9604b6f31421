import type { RecordedVisits, SealedBatch } from './click-batch';

interface VisitColumns {
  linkIds: string[];
  times: number[];
  userAgents: (string | undefined)[];
  referrers: (string | undefined)[];
}

const noVisits = (): VisitColumns => ({ linkIds: [], times: [], userAgents: [], referrers: [] });

/**
 * The clicks one instance holds in memory: visits recorded but not yet in a batch, and sealed
 * batches waiting for Kafka or out with a send or a spill that has not settled. It is bounded: a
 * visit that finds it full is refused, so memory stays flat however long an outage lasts.
 */
export class ClickBuffer {
  private visits = noVisits();
  private readonly waiting: SealedBatch[] = [];
  private sealedClicks = 0;

  constructor(
    readonly capacity: number,
    private readonly batchSize: number,
  ) {}

  get size(): number {
    return this.visits.linkIds.length + this.sealedClicks;
  }

  get unsealed(): number {
    return this.visits.linkIds.length;
  }

  get waitingBatches(): number {
    return this.waiting.length;
  }

  /** False when the buffer is full and the visit was not kept. */
  add(linkId: string, at: number, userAgent?: string, referrer?: string): boolean {
    if (this.size >= this.capacity) return false;
    const { linkIds, times, userAgents, referrers } = this.visits;
    linkIds.push(linkId);
    times.push(at);
    userAgents.push(userAgent);
    referrers.push(referrer);
    return true;
  }

  /**
   * Cuts the recorded visits into batches of the batch size, queued behind the waiting ones; the
   * remainder too unless `fullOnly`, when it waits for more visits.
   */
  seal(toBatch: (visits: RecordedVisits) => SealedBatch, { fullOnly = false } = {}): void {
    const { linkIds, times, userAgents, referrers } = this.visits;
    const count = fullOnly ? linkIds.length - (linkIds.length % this.batchSize) : linkIds.length;
    if (count === 0) return;
    this.visits = {
      linkIds: linkIds.slice(count),
      times: times.slice(count),
      userAgents: userAgents.slice(count),
      referrers: referrers.slice(count),
    };
    for (let start = 0; start < count; start += this.batchSize) {
      const end = start + this.batchSize;
      const batch = toBatch({
        linkIds: linkIds.slice(start, end),
        times: times.slice(start, end),
        userAgents: userAgents.slice(start, end),
        referrers: referrers.slice(start, end),
      });
      this.waiting.push(batch);
      this.sealedClicks += batch.clicks;
    }
  }

  /** The oldest waiting batches that fit in about `maxChars` (always at least one), taken out until settled or put back. */
  take(maxChars: number): SealedBatch[] {
    let chars = 0;
    let count = 0;
    while (count < this.waiting.length) {
      chars += this.waiting[count].value.length;
      if (count > 0 && chars > maxChars) break;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  takeAll(): SealedBatch[] {
    return this.waiting.splice(0);
  }

  /** Taken batches that Kafka or Redis now holds: they leave the buffer. */
  settle(batches: readonly SealedBatch[]): void {
    for (const batch of batches) this.sealedClicks -= batch.clicks;
  }

  /** Taken batches that could not be handed over: first in line again. */
  putBack(batches: readonly SealedBatch[]): void {
    this.waiting.unshift(...batches);
  }
}
