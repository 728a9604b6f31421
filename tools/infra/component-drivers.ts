import type { Component, ComponentDriver } from './component';
import { infraPaths } from './infra-paths';
import { kafkaDriver } from './kafka/kafka-driver';
import { postgresDriver } from './postgres/postgres-driver';
import { serviceDatabases } from './postgres/service-databases';
import { redisDriver } from './redis/redis-driver';
import { s3Driver } from './s3/s3-driver';
import type { InfraSettings } from './settings';

/** Drivers in start order, configured by `settings`; services are discovered in `prismaDir` (default: the workspace's prisma/). */
export function componentDrivers(settings: InfraSettings, prismaDir?: string): ComponentDriver[] {
  const paths = infraPaths(settings.dataDir);
  return [
    postgresDriver(settings.databaseUrl, serviceDatabases(prismaDir), paths),
    redisDriver(settings.redisUrl, paths),
    kafkaDriver(settings.kafkaBrokers, settings.kafkaHeapOptions, paths),
    s3Driver(settings.s3Endpoint, settings.s3Signing, paths),
  ];
}

export function componentDriver(
  component: Component,
  settings: InfraSettings,
  prismaDir?: string,
): ComponentDriver {
  const driver = componentDrivers(settings, prismaDir).find(
    (candidate) => candidate.component === component,
  );
  if (!driver) throw new Error(`unknown component: ${component}`);
  return driver;
}
