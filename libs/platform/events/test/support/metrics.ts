import { metricValue } from '@capstone/platform/testing';

/** How many messages a consumer group finished with the given outcome. */
export function consumerOutcomes(groupId: string, outcome: string): Promise<number> {
  return metricValue('event_consumer_messages_total', { consumer_group: groupId, outcome });
}
