import type { DependencyCheck } from '@capstone/platform/observability';
import type { ObjectStorage } from './object-storage';

/** Readiness's view of S3: the service's own bucket answers, through its own client. */
export function s3Check(storage: ObjectStorage): DependencyCheck {
  return { name: 's3', probe: () => storage.ping() };
}
