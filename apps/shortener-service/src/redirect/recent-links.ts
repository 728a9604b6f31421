import type { ResolvedLink } from './resolved-link';

interface Remembered {
  link: ResolvedLink;
  until: number;
}

/**
 * The links this instance resolved in the last `ttlMs`, at most `capacity` of them (the oldest
 * leave first): a popular link is answered from memory, with no Redis round trip and no promise.
 * Unknown codes are never kept, so a scan of random codes cannot push the popular ones out.
 */
export class RecentLinks {
  // Maps iterate in insertion order, and every write re-inserts: the first key is the oldest entry.
  private readonly entries = new Map<string, Remembered>();

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The link, while it is fresh; undefined when it was never kept, has expired or was forgotten. */
  get(code: string, now: number): ResolvedLink | undefined {
    const entry = this.entries.get(code);
    if (entry === undefined) return undefined;
    if (entry.until > now) return entry.link;
    this.entries.delete(code);
    return undefined;
  }

  remember(code: string, link: ResolvedLink, now: number): void {
    this.entries.delete(code);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(code, { link, until: now + this.ttlMs });
  }

  forget(code: string): void {
    this.entries.delete(code);
  }
}
