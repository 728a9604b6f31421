import { uniqueTestId } from '../test-names';

export interface TestKafkaNames {
  /** Give it to `KafkaTopics` (or `EventsModule`'s `topicPrefix`): every topic of the test file lives under it. */
  topicPrefix: string;
  topic(name: string): string;
  groupId(name: string): string;
}

/** Topic and consumer-group names no other test file (or earlier run) shares. */
export function testKafkaNames(label: string): TestKafkaNames {
  const topicPrefix = `test.${label}.${uniqueTestId()}`;
  return {
    topicPrefix,
    topic: (name) => `${topicPrefix}.${name}`,
    groupId: (name) => `${topicPrefix}.${name}`,
  };
}
