import { register } from 'prom-client';

/**
 * The sum of a counter's or gauge's series whose labels match, read from the default registry
 * `/metrics` serves; 0 before the first sample. Name every label to read one series.
 */
export async function metricValue(
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = register.getSingleMetric(name);
  const values = metric ? (await metric.get()).values : [];
  return values
    .filter((series) =>
      Object.entries(labels).every(([label, value]) => series.labels[label] === value),
    )
    .reduce((sum, series) => sum + series.value, 0);
}
