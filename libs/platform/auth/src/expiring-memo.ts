/**
 * Remembers answers until each one's own deadline, holding at most `capacity` of them (0 holds
 * none). When full, the oldest entry makes room: a Map iterates in insertion order.
 */
export class ExpiringMemo<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly capacity: number) {}

  /** The value remembered for `key`, unless its deadline has passed. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.until > Date.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  remember(key: string, value: V, until: number): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, { value, until });
  }

  /** Forgets `key` only while it still holds `value`, so a newer answer survives. */
  forget(key: string, value: V): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}
