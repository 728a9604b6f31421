import { register } from 'prom-client';

/** The sum of a metric's series whose labels match, read from the registry /metrics serves. */
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

/** How many messages a consumer group finished with the given outcome. */
export function consumerOutcomes(groupId: string, outcome: string): Promise<number> {
  return metricValue('event_consumer_messages_total', { consumer_group: groupId, outcome });
}
