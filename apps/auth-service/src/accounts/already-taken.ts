import { ConflictError } from '@capstone/platform/http';

/** 409 naming each field at fault, in the words RealWorld clients expect. */
export function alreadyTaken(fields: ('email' | 'username')[]): ConflictError {
  return new ConflictError(`This ${fields.join(' and ')} is already taken`, {
    code: 'already_taken',
    fieldErrors: fields.map((field) => ({
      field,
      code: 'taken',
      message: 'has already been taken',
    })),
  });
}
