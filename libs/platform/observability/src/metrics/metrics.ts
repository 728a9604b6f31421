import {
  collectDefaultMetrics,
  Counter,
  type CounterConfiguration,
  Gauge,
  type GaugeConfiguration,
  Histogram,
  type HistogramConfiguration,
  register,
} from 'prom-client';

/**
 * Every library registers its metrics on prom-client's default registry, which `/metrics` serves.
 * These return the metric already registered under a name, so a module built twice in one
 * process (tests, several apps) shares one series instead of failing on a duplicate name.
 */
export const Metrics = {
  counter<TLabel extends string>(configuration: CounterConfiguration<TLabel>): Counter<TLabel> {
    return existing(configuration.name, Counter) ?? new Counter(configuration);
  },
  gauge<TLabel extends string>(configuration: GaugeConfiguration<TLabel>): Gauge<TLabel> {
    return existing(configuration.name, Gauge) ?? new Gauge(configuration);
  },
  histogram<TLabel extends string>(
    configuration: HistogramConfiguration<TLabel>,
  ): Histogram<TLabel> {
    return existing(configuration.name, Histogram) ?? new Histogram(configuration);
  },
  /** Process metrics (CPU, memory, event loop lag, GC), registered once per process. */
  collectNodeMetrics(): void {
    if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
  },
};

function existing<TMetric>(
  name: string,
  kind: abstract new (...args: never[]) => TMetric,
): TMetric | undefined {
  const metric = register.getSingleMetric(name);
  if (metric === undefined) return undefined;
  if (!(metric instanceof kind))
    throw new Error(`Metric ${name} is already registered as another kind`);
  return metric;
}
