import { ConflictError, NotFoundError, ValidationError } from '@capstone/platform/http';
import type { SlugProblem } from './link-code';
import type { TargetProblem } from './target-url';

const targetMessages: Record<TargetProblem, string> = {
  invalid: 'must be an absolute http or https URL without credentials',
  scheme: 'must use http or https',
  too_long: 'must be at most 2048 characters',
  loop: 'must not point at the shortener itself',
  blocked: 'points at a host that is not allowed',
};

export function invalidTarget(problem: TargetProblem): ValidationError {
  return new ValidationError([
    {
      field: 'targetUrl',
      message: `targetUrl ${targetMessages[problem]}`,
      code: `target_${problem}`,
    },
  ]);
}

export function invalidSlug(problem: SlugProblem): ValidationError {
  return new ValidationError([
    problem === 'reserved'
      ? { field: 'slug', message: 'slug is a reserved word', code: 'slug_reserved' }
      : {
          field: 'slug',
          message: 'slug must be 3 to 64 lower-case letters, digits or inner dashes',
          code: 'slug_invalid',
        },
  ]);
}

export function slugTaken(): ConflictError {
  return new ConflictError('Another link already has this slug', {
    code: 'slug_taken',
    fieldErrors: [{ field: 'slug', message: 'slug is already taken', code: 'slug_taken' }],
  });
}

export function expiryInPast(): ValidationError {
  return new ValidationError([
    { field: 'expiresAt', message: 'expiresAt must be in the future', code: 'expiry_in_past' },
  ]);
}

export function linkNotFound(): NotFoundError {
  return new NotFoundError('No such link', { code: 'link_not_found' });
}
