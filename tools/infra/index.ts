/** Local infrastructure for services, tests and `npm start`: Postgres, Redis, Kafka and S3, found or started. */
export type { Component, ComponentStatus, UpResult } from './component';
export {
  infraDown,
  infraStatus,
  infraUp,
  managedProcess,
  startComponent,
  stopComponent,
  type DownOptions,
  type UpOptions,
} from './lifecycle';
export { serviceDatabases } from './postgres/service-databases';
export { sparePort } from './testing/scratch-infra';
