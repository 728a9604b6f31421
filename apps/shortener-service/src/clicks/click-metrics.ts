import { Metrics } from '@capstone/platform/observability';

export const clicksBuffered = Metrics.gauge({
  name: 'shortener_clicks_buffered',
  help: 'Clicks an instance holds in memory on their way to Kafka.',
});

export const clicksPublished = Metrics.counter({
  name: 'shortener_clicks_published_total',
  help: 'Clicks Kafka acknowledged, by where they waited: memory, or the Redis spill list.',
  labelNames: ['from'] as const,
});

export const clicksSpilled = Metrics.counter({
  name: 'shortener_clicks_spilled_total',
  help: 'Clicks moved to the Redis spill list because the in-memory buffer was half full.',
});

export const clicksDropped = Metrics.counter({
  name: 'shortener_clicks_dropped_total',
  help: 'Clicks lost: recorded into a full buffer, or left at shutdown, with Kafka and Redis both away.',
});

export const clickPublishFailures = Metrics.counter({
  name: 'shortener_click_publish_failures_total',
  help: 'Attempts to publish click batches that Kafka did not take; the publisher backs off and retries.',
});
