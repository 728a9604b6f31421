/** Says whether a periodic chore is due, so a busy loop runs it at most once per interval. */
export class Periodic {
  private lastRunAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly intervalMs: number) {}

  due(now = Date.now()): boolean {
    if (now - this.lastRunAt < this.intervalMs) return false;
    this.lastRunAt = now;
    return true;
  }
}
