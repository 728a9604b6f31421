import { Kafka, logLevel } from 'kafkajs';
import { testEndpoints } from '../infrastructure/test-endpoints';

/** A client of the broker tests use; it logs nothing below `level`, so test output stays readable. */
export function testKafkaClient(clientId: string, level: logLevel = logLevel.NOTHING): Kafka {
  return new Kafka({ clientId, brokers: testEndpoints.kafkaBrokers, logLevel: level });
}
