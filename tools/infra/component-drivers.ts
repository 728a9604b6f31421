import type { Component, ComponentDriver } from './component';
import { kafkaDriver } from './kafka/kafka-driver';
import { postgresDriver } from './postgres/postgres-driver';
import { serviceDatabases } from './postgres/service-databases';
import { redisDriver } from './redis/redis-driver';
import { infraSettings } from './settings';

export interface DriverOptions {
  /** Where service schemas are discovered; the workspace's prisma/ unless a test points elsewhere. */
  prismaDir?: string;
}

/** Drivers in start order, configured from the environment as it is now. */
export function componentDrivers(options: DriverOptions = {}): ComponentDriver[] {
  const settings = infraSettings();
  return [
    postgresDriver(settings.databaseUrl, serviceDatabases(options.prismaDir)),
    redisDriver(settings.redisUrl),
    kafkaDriver(settings.kafkaBrokers, settings.kafkaHeapOptions),
  ];
}

export function componentDriver(
  component: Component,
  options: DriverOptions = {},
): ComponentDriver {
  const driver = componentDrivers(options).find((candidate) => candidate.component === component);
  if (!driver) throw new Error(`unknown component: ${component}`);
  return driver;
}
