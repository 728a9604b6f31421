import { ValidateIf } from 'class-validator';

/**
 * A field the client may leave out but not send as `null`. `@IsOptional()` skips every rule for
 * `null` too, so a handler meant to see a string or nothing gets `null` and fails with a 500;
 * keep `@IsOptional()` for fields the OpenAPI document marks `nullable`.
 */
export const IsOmittable = (): PropertyDecorator =>
  ValidateIf((_: object, value: unknown) => value !== undefined);
