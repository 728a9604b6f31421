import type { EventEnvelope } from '@capstone/contracts';
import { eventually } from '../eventually';
import { recordKafkaMessages, type ReceivedMessage } from './kafka-recording';

export interface AwaitMessageOptions {
  timeoutMs?: number;
}

/** The first message on `topic` (published before or after the call) that satisfies the predicate. */
export async function awaitKafkaMessage(
  topic: string,
  predicate: (message: ReceivedMessage) => boolean,
  { timeoutMs = 15_000 }: AwaitMessageOptions = {},
): Promise<ReceivedMessage> {
  const deadline = Date.now() + timeoutMs;
  const recording = await recordKafkaMessages(topic, { timeoutMs });
  try {
    return await eventually(
      () => {
        const match = recording.messages.find(predicate);
        if (!match)
          throw new Error(`no message on ${topic} matched (${recording.messages.length} seen)`);
        return match;
      },
      { timeoutMs: Math.max(0, deadline - Date.now()) },
    );
  } finally {
    await recording.stop();
  }
}

/** Like `awaitKafkaMessage`, for messages that carry an event envelope. */
export async function awaitKafkaEvent(
  topic: string,
  predicate: (event: EventEnvelope) => boolean,
  options: AwaitMessageOptions = {},
): Promise<EventEnvelope> {
  const message = await awaitKafkaMessage(
    topic,
    (candidate) => {
      const event = envelopeIn(candidate);
      return event !== undefined && predicate(event);
    },
    options,
  );
  return envelopeIn(message) as EventEnvelope;
}

function envelopeIn(message: ReceivedMessage): EventEnvelope | undefined {
  try {
    return JSON.parse(message.value ?? '') as EventEnvelope;
  } catch {
    return undefined; // not JSON: not the event being waited for
  }
}
