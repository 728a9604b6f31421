import { Metrics } from '@capstone/platform/observability';

export const cacheRequests = Metrics.counter({
  name: 'cache_requests_total',
  help: 'Cache lookups by outcome: hit, miss, coalesced (joined a load in flight) or error (Redis failed, loaded directly).',
  labelNames: ['cache', 'result'],
});

export const cacheErrors = Metrics.counter({
  name: 'cache_redis_errors_total',
  help: 'Redis failures the cache absorbed, by operation.',
  labelNames: ['cache', 'operation'],
});

export const cacheLoadDuration = Metrics.histogram({
  name: 'cache_load_duration_seconds',
  help: 'Time spent in loaders on a cache miss.',
  labelNames: ['cache'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

export const cacheStaleLoads = Metrics.counter({
  name: 'cache_stale_loads_total',
  help: 'Loads whose result was not stored: their key was invalidated (or their lease expired) while they ran.',
  labelNames: ['cache'],
});
