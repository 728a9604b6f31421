import { Inject, Injectable, Logger } from '@nestjs/common';
import { Metrics } from '../metrics/metrics';
import type { DependencyCheck } from './dependency-check';

export const DEPENDENCY_CHECKS = Symbol('DEPENDENCY_CHECKS');
export const READINESS_TIMINGS = Symbol('READINESS_TIMINGS');

export interface ReadinessTimings {
  /** How long one check may take before its dependency counts as down. */
  timeoutMs: number;
  /** How long one round of checks answers every probe, so a burst of probes asks each dependency once. */
  cacheMs: number;
}

export type DependencyState = 'up' | 'down';

export interface ReadinessReport {
  /** `ready` while every required dependency is up, even if tolerated ones are down. */
  status: 'ready' | 'unavailable' | 'draining';
  dependencies: Record<string, DependencyState>;
  /** The tolerated dependencies that are down: the instance serves, with less. */
  degraded: string[];
}

const dependencyUp = Metrics.gauge({
  name: 'dependency_up',
  help: 'Whether a dependency answered the latest readiness check (1) or not (0); required="false" ones only degrade the service',
  labelNames: ['dependency', 'required'],
});

/**
 * Whether this instance should receive traffic: every required dependency answers and it is not
 * shutting down. One round of checks at a time, its answer reused for `cacheMs`.
 */
@Injectable()
export class Readiness {
  private readonly logger = new Logger(Readiness.name);
  private readonly lastStates = new Map<string, DependencyState>();
  private draining = false;
  private round?: Promise<ReadinessReport>;
  private fresh?: { report: ReadinessReport; until: number };

  constructor(
    @Inject(DEPENDENCY_CHECKS) private readonly checks: DependencyCheck[],
    @Inject(READINESS_TIMINGS) private readonly timings: ReadinessTimings,
  ) {}

  /** From now on report `draining`, so load balancers stop sending requests before the server closes. */
  beginDraining(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async check(): Promise<ReadinessReport> {
    if (this.draining) return drainingReport();
    const report = await this.latestRound();
    // Shutdown may have begun while the round ran.
    return this.draining ? drainingReport() : report;
  }

  private latestRound(): Promise<ReadinessReport> {
    if (this.fresh && Date.now() < this.fresh.until) return Promise.resolve(this.fresh.report);
    this.round ??= this.checkAll()
      .then((report) => {
        this.fresh = { report, until: Date.now() + this.timings.cacheMs };
        return report;
      })
      .finally(() => {
        this.round = undefined;
      });
    return this.round;
  }

  private async checkAll(): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.checks.map(async (check) => ({ check, state: await this.probe(check) })),
    );
    const down = results.filter(({ state }) => state === 'down').map(({ check }) => check);
    return {
      status: down.some(isRequired) ? 'unavailable' : 'ready',
      dependencies: Object.fromEntries(results.map(({ check, state }) => [check.name, state])),
      degraded: down.filter((check) => !isRequired(check)).map((check) => check.name),
    };
  }

  private async probe(check: DependencyCheck): Promise<DependencyState> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${this.timings.timeoutMs} ms`)),
        this.timings.timeoutMs,
      );
    });
    try {
      await Promise.race([check.probe(), deadline]);
      this.record(check, 'up');
      return 'up';
    } catch (error) {
      this.record(check, 'down', error);
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }

  // Logged on change only: probes come every few seconds, an outage would otherwise flood the log.
  private record(check: DependencyCheck, state: DependencyState, error?: unknown): void {
    dependencyUp.set(
      { dependency: check.name, required: String(isRequired(check)) },
      state === 'up' ? 1 : 0,
    );
    const previous = this.lastStates.get(check.name);
    this.lastStates.set(check.name, state);
    if (state === previous) return;
    const details = { dependency: check.name, required: isRequired(check) };
    if (state === 'down') this.logger.warn({ ...details, err: error }, 'readiness check failed');
    else if (previous === 'down') this.logger.log(details, 'dependency answers again');
  }
}

function isRequired(check: DependencyCheck): boolean {
  return check.required !== false;
}

function drainingReport(): ReadinessReport {
  return { status: 'draining', dependencies: {}, degraded: [] };
}
