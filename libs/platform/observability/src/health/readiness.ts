import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DependencyCheck } from './dependency-check';

export const DEPENDENCY_CHECKS = Symbol('DEPENDENCY_CHECKS');
export const READINESS_TIMEOUT_MS = Symbol('READINESS_TIMEOUT_MS');

export interface ReadinessReport {
  status: 'ready' | 'unavailable' | 'draining';
  dependencies: Record<string, 'up' | 'down'>;
}

/** Whether this instance should receive traffic: every dependency answers and it is not shutting down. */
@Injectable()
export class Readiness {
  private readonly logger = new Logger(Readiness.name);
  private draining = false;

  constructor(
    @Inject(DEPENDENCY_CHECKS) private readonly checks: DependencyCheck[],
    @Inject(READINESS_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  /** From now on report `draining`, so load balancers stop sending requests before the server closes. */
  beginDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async check(): Promise<ReadinessReport> {
    if (this.draining) return { status: 'draining', dependencies: {} };
    const results = await Promise.all(
      this.checks.map(async (check) => [check.name, await this.probe(check)] as const),
    );
    return {
      status: results.every(([, state]) => state === 'up') ? 'ready' : 'unavailable',
      dependencies: Object.fromEntries(results),
    };
  }

  private async probe(check: DependencyCheck): Promise<'up' | 'down'> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      await Promise.race([check.probe(), deadline]);
      return 'up';
    } catch (error) {
      this.logger.warn({ dependency: check.name, err: error }, 'readiness check failed');
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
