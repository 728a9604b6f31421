/**
 * `new Date().toISOString()`, formatted at most once a millisecond: under load many lines share a
 * millisecond, and formatting a date is a visible share of writing one.
 */
export class CachedIsoTime {
  private millisecond = -1;
  private formatted = '';

  now(): string {
    const millisecond = Date.now();
    if (millisecond !== this.millisecond) {
      this.millisecond = millisecond;
      this.formatted = new Date(millisecond).toISOString();
    }
    return this.formatted;
  }
}
