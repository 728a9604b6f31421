import type { z } from 'zod';
import { ContractViolation } from './contract-error';
import { envelopeSchema, sealEnvelope, type EnvelopeInput, type EventEnvelope } from './envelope';

/** One event type at one version on one topic: the single definition both ends validate against. */
export interface EventContract<
  TType extends string = string,
  TSchema extends z.ZodType = z.ZodType,
> {
  topic: string;
  type: TType;
  version: number;
  schema: TSchema;
  /** Builds a validated envelope; throws ContractViolation on a bad payload. */
  create(input: EnvelopeInput<z.input<TSchema>>): EventEnvelope<TType, z.output<TSchema>>;
  /** Validates an envelope received from the wire. */
  parse(envelope: unknown): EventEnvelope<TType, z.output<TSchema>>;
}

export type EventOf<C> =
  C extends EventContract<infer T, infer S> ? EventEnvelope<T, z.output<S>> : never;

export function defineEvent<TType extends string, TSchema extends z.ZodType>(definition: {
  topic: string;
  type: TType;
  version: number;
  schema: TSchema;
}): EventContract<TType, TSchema> {
  const name = `${definition.type}@v${definition.version}`;
  const validateData = (data: unknown): z.output<TSchema> => {
    const result = definition.schema.safeParse(data);
    if (!result.success) throw ContractViolation.fromZod(name, result.error);
    return result.data;
  };
  return {
    ...definition,
    create(input) {
      return sealEnvelope(definition.type, definition.version, {
        ...input,
        data: validateData(input.data),
      });
    },
    parse(raw) {
      const envelope = envelopeSchema.safeParse(raw);
      if (!envelope.success) throw ContractViolation.fromZod(name, envelope.error);
      if (envelope.data.type !== definition.type || envelope.data.version !== definition.version) {
        throw new ContractViolation(name, [
          {
            path: 'type',
            message: `expected ${name}, got ${envelope.data.type}@v${envelope.data.version}`,
          },
        ]);
      }
      return { ...envelope.data, type: definition.type, data: validateData(envelope.data.data) };
    },
  };
}
