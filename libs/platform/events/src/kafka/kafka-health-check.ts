import type { OnApplicationShutdown } from '@nestjs/common';
import type { DependencyCheck } from '@capstone/platform/observability';
import type { Admin, Kafka } from 'kafkajs';

/**
 * Readiness's view of Kafka: asks the cluster for its brokers over one admin connection of the
 * service's own Kafka client, opened on the first probe and kept, so probes open no connections.
 * After an outage kafkajs reconnects that admin on the next request.
 */
export class KafkaHealthCheck implements DependencyCheck, OnApplicationShutdown {
  readonly name = 'kafka';
  private readonly admin: Admin;
  private connecting?: Promise<void>;

  // The client's bounded retries apply; readiness's own deadline decides when "slow" means "down".
  constructor(kafka: Kafka) {
    this.admin = kafka.admin();
  }

  async probe(): Promise<void> {
    this.connecting ??= this.admin.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    await this.connecting;
    await this.admin.describeCluster();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connecting) await this.admin.disconnect();
  }
}
