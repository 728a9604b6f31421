import type { z } from 'zod';
import { ContractViolation } from './contract-error';

/** A BullMQ job: the queue it runs on, its name and the payload schema producer and worker share. */
export interface JobContract<TName extends string = string, TSchema extends z.ZodType = z.ZodType> {
  queue: string;
  name: TName;
  schema: TSchema;
  parse(payload: unknown): z.output<TSchema>;
}

export type JobPayloadOf<C> = C extends JobContract<string, infer S> ? z.output<S> : never;

export function defineJob<TName extends string, TSchema extends z.ZodType>(definition: {
  queue: string;
  name: TName;
  schema: TSchema;
}): JobContract<TName, TSchema> {
  return {
    ...definition,
    parse(payload) {
      const result = definition.schema.safeParse(payload);
      if (!result.success)
        throw ContractViolation.fromZod(`${definition.queue}/${definition.name}`, result.error);
      return result.data;
    },
  };
}
