import { ValidationPipe, type ValidationError as ConstraintFailure } from '@nestjs/common';
import { type FieldError, ValidationError } from '../errors/domain-errors';

/**
 * class-validator DTOs are the one way request input is validated: unknown fields are rejected,
 * payloads become DTO instances, and failures become a `ValidationError` listing every field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (failures) => new ValidationError(toFieldErrors(failures)),
  });
}

function toFieldErrors(failures: ConstraintFailure[], parentPath = ''): FieldError[] {
  return failures.flatMap((failure) => {
    const field = parentPath ? `${parentPath}.${failure.property}` : failure.property;
    const own = Object.entries(failure.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message,
      code: codeOf(constraint),
    }));
    return [...own, ...toFieldErrors(failure.children ?? [], field)];
  });
}

/** `isEmail` → `is_email`; a field the DTO does not declare is an `unknown_field`. */
function codeOf(constraint: string): string {
  return constraint === 'whitelistValidation'
    ? 'unknown_field'
    : constraint.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
