import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

/**
 * Every Kafka message is one envelope. `subject` is the aggregate id and doubles as the message
 * key, so all events of one aggregate land on one partition, in order.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z]+(\.[a-z_]+)+$/, 'must look like <service>.<aggregate>.<event>'),
  version: z.number().int().positive(),
  source: z.string().min(1),
  occurredAt: z.iso.datetime({ offset: true }),
  subject: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  data: z.unknown(),
});

export type EventEnvelope<TType extends string = string, TData = unknown> = Omit<
  z.infer<typeof envelopeSchema>,
  'type' | 'data'
> & { type: TType; data: TData };

/** What the producer knows; the envelope's id and time are assigned here, once. */
export interface EnvelopeInput<TData> {
  source: string;
  subject: string;
  data: TData;
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date;
}

export function sealEnvelope<TType extends string, TData>(
  type: TType,
  version: number,
  input: EnvelopeInput<TData>,
): EventEnvelope<TType, TData> {
  // UUIDv7: time-ordered, so ids sort roughly by when the events happened.
  const id = uuidv7();
  return {
    id,
    type,
    version,
    source: input.source,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    subject: input.subject,
    // A new causal chain starts here when no request or upstream event gave us one.
    correlationId: input.correlationId ?? id,
    causationId: input.causationId ?? null,
    data: input.data,
  };
}
