import { Metrics } from '@capstone/platform/observability';

export type DeliveryOutcome =
  'sent' | 'failed' | 'retried' | 'suppressed' | 'duplicate' | 'unconfirmed';

export const deliveryOutcomes = Metrics.counter({
  name: 'mail_deliveries_total',
  help: 'Delivery attempts by template and outcome: sent, failed (for good), retried, suppressed, duplicate, unconfirmed.',
  labelNames: ['template', 'outcome'],
});

export const deliveryLatency = Metrics.histogram({
  name: 'mail_delivery_latency_seconds',
  help: 'Time from the job or event asking for an email to the server accepting it.',
  labelNames: ['template'],
  buckets: [0.1, 0.5, 1, 2, 5, 15, 60, 300, 1800],
});
