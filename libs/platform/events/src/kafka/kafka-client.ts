import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type logCreator } from 'kafkajs';

export interface KafkaSettings {
  /** The service name: brokers log it, and it names the producer. */
  clientId: string;
  brokers: string[];
}

// kafkajs logs through Nest's logger, so its lines land in the service's JSON log with the rest.
const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log: { message, ...details } }) => {
    const line = `${message} ${JSON.stringify(details)}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
  };
};

export function createKafka({ clientId, brokers }: KafkaSettings): Kafka {
  return new Kafka({
    clientId,
    brokers,
    // kafkajs logs every reconnect at INFO; warnings and errors are what an operator acts on.
    logLevel: logLevel.WARN,
    logCreator: nestLogCreator,
    // Each call gives up within seconds while the broker is away; the relay and consumers back off themselves.
    connectionTimeout: 1_000,
    retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 3 },
  });
}
