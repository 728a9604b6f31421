import {
  type ArgumentMetadata,
  ValidationPipe,
  type ValidationError as ConstraintFailure,
} from '@nestjs/common';
import { type FieldError, ValidationError } from '../errors/domain-errors';
import { inadmissibleInputErrors } from './inadmissible-input';

/**
 * class-validator DTOs are the one way request input is validated: unknown fields are rejected,
 * payloads become DTO instances, and failures become a `ValidationError` listing every field.
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (failures) => new ValidationError(toFieldErrors(failures)),
  });
}

/**
 * Before any DTO rule, text no column can store and values nested too deep to transform are
 * refused wherever they are sent (body, query, path), so no handler or DTO has to remember them.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const fieldErrors = inadmissibleInputErrors(value, metadata.data ?? '');
      if (fieldErrors.length > 0) throw new ValidationError(fieldErrors);
    }
    return super.transform(value, metadata);
  }
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
