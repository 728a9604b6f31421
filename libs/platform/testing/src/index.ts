export { createTestApp, type TestApp, type TestAppOptions } from './app/create-test-app';
export {
  startListeningTestApp,
  startTestGateway,
  type ListeningTestApp,
  type TestGateway,
} from './app/listening-test-app';
export { serviceTestEnvironment } from './app/service-environment';
export { eventually, type DeadlineOptions } from './eventually';
export { testEndpoints } from './infrastructure/test-endpoints';
export { managedKafka, type ManagedKafka } from './infrastructure/test-infrastructure';
export { describeWhenKafkaIsOurs, kafkaIsManaged } from './jest/kafka-ownership';
export {
  awaitKafkaEvent,
  awaitKafkaMessage,
  type AwaitMessageOptions,
} from './kafka/await-kafka-message';
export {
  recordKafkaMessages,
  type KafkaRecording,
  type ReceivedMessage,
} from './kafka/kafka-recording';
export { testKafkaNames, type TestKafkaNames } from './kafka/test-kafka-names';
export { sparePort } from './infrastructure/workspace-tools';
export { metricValue } from './metrics/metric-value';
export {
  probeBadInput,
  type BadInputProbeOptions,
  type BadInputReport,
  type ProbeTokens,
} from './openapi/bad-input-probe';
export { prismaProject, servicePrismaProject, type PrismaProject } from './postgres/prisma-project';
export { createTestDatabase, type TestDatabase } from './postgres/test-database';
export { awaitQueueJob, type InspectableQueue, type QueuedJob } from './queues/await-queue-job';
export { startPrivateRedis, type PrivateRedis } from './redis/private-redis';
export { deleteRedisKeys, testRedisPrefix } from './redis/test-redis-prefix';
export { uniqueTestId } from './test-names';
export * from './tokens';
