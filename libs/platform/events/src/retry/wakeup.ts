/**
 * A wait that ends early when someone calls `wake()`. A wake with nobody waiting is remembered,
 * so a notification that arrives while the relay is busy still triggers the next pass at once.
 */
export class Wakeup {
  private pending = false;
  private release?: () => void;

  wake(): void {
    this.pending = true;
    this.release?.();
  }

  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.release?.(), timeoutMs);
      this.release = () => {
        clearTimeout(timer);
        this.release = undefined;
        this.pending = false;
        resolve();
      };
    });
  }
}
