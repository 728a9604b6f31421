export * from './apply-observability';
export * from './context/correlation';
export * from './context/correlation-headers';
export * from './health/dependency-check';
export { beginCorrelation, correlationOfRequest, requestFailed } from './http/request-records';
export { Readiness, type ReadinessReport } from './health/readiness';
export * from './metrics/metrics';
export * from './observability.module';
export * from './operational-endpoint';
