import { randomUUID } from 'node:crypto';
import { ContractViolation, type JobContract } from '@capstone/contracts';
import { Correlation } from '@capstone/platform/observability';
import { z } from 'zod';

/**
 * What a queued job carries: the payload its contract defines, plus the correlation id of the
 * work that enqueued it, so the worker's logs join the producer's causal chain.
 */
export interface JobEnvelope<TPayload = unknown> {
  correlationId: string;
  payload: TPayload;
}

const envelopeSchema = z.object({ correlationId: z.string().min(1), payload: z.unknown() });

/** Validates the payload against its contract (throwing ContractViolation) and wraps it for the queue. */
export function sealJob<TSchema extends z.ZodType>(
  contract: JobContract<string, TSchema>,
  payload: z.input<TSchema>,
): JobEnvelope<z.output<TSchema>> {
  return {
    // A new causal chain starts here when no request or event is being handled.
    correlationId: Correlation.current()?.correlationId ?? randomUUID(),
    payload: contract.parse(payload),
  };
}

/** Reads a job received from Redis; anything that does not fit its contract is a ContractViolation. */
export function openJob<TSchema extends z.ZodType>(
  contract: JobContract<string, TSchema>,
  data: unknown,
): JobEnvelope<z.output<TSchema>> {
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success)
    throw ContractViolation.fromZod(`${contract.queue}/${contract.name}`, envelope.error);
  return {
    correlationId: envelope.data.correlationId,
    payload: contract.parse(envelope.data.payload),
  };
}
