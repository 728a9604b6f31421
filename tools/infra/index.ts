/** Local infrastructure for services, tests and `npm start`: Postgres, Redis and Kafka, found or started. */
export type { Component, ComponentStatus, UpResult } from './component';
export { InfraError, type InfraErrorCode } from './infra-error';
export {
  infraDown,
  infraStatus,
  infraUp,
  startComponent,
  stopComponent,
  type DownOptions,
  type UpOptions,
} from './lifecycle';
export { serviceDatabases } from './postgres/service-databases';
export type { ManagedProcess } from './process/detached-process';
export { managedProcess } from './process/process-registry';
export { renderStatusTable } from './status-table';
