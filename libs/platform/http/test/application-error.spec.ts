import { HttpException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  toApplicationError,
  UnauthorizedError,
  ValidationError,
} from '../src';

describe('toApplicationError', () => {
  it.each([
    ['ValidationError', 422, 'validation_failed', new ValidationError([])],
    ['NotFoundError', 404, 'not_found', new NotFoundError('Article a-b does not exist')],
    ['ConflictError', 409, 'conflict', new ConflictError('That username is taken')],
    ['UnauthorizedError', 401, 'unauthorized', new UnauthorizedError()],
    ['ForbiddenError', 403, 'forbidden', new ForbiddenError()],
    ['RateLimitedError', 429, 'rate_limited', new RateLimitedError()],
  ])('maps a %s to %i %s', (_name, status, code, error) => {
    expect(toApplicationError(error)).toEqual({
      status,
      code,
      message: error.message,
      fieldErrors: [],
    });
  });

  it('keeps the more specific code and the field errors a domain error was given', () => {
    const error = new ConflictError('That email is registered', {
      code: 'email_taken',
      fieldErrors: [{ field: 'email', message: 'is already taken', code: 'taken' }],
    });

    expect(toApplicationError(error)).toEqual({
      status: 409,
      code: 'email_taken',
      message: 'That email is registered',
      fieldErrors: [{ field: 'email', message: 'is already taken', code: 'taken' }],
    });
  });

  it('maps Nest HTTP exceptions by status, or by the code they name', () => {
    expect(toApplicationError(new HttpException('Slow down', 429))).toMatchObject({
      status: 429,
      code: 'rate_limited',
    });
    expect(toApplicationError(new HttpException('Gone for good', 410))).toMatchObject({
      status: 410,
      code: 'gone',
    });
    expect(
      toApplicationError(
        new UnauthorizedException({
          code: 'token_expired',
          message: 'The access token has expired',
        }),
      ),
    ).toEqual({
      status: 401,
      code: 'token_expired',
      message: 'The access token has expired',
      fieldErrors: [],
    });
  });

  it('never passes on the message of a server-side failure', () => {
    const generic =
      'The server failed to handle this request. Quote the request id if you report it.';

    expect(toApplicationError(new Error('relation "users" does not exist'))).toEqual({
      status: 500,
      code: 'internal_error',
      message: generic,
      fieldErrors: [],
    });
    expect(
      toApplicationError(new ServiceUnavailableException('redis at 10.0.0.3 is down')),
    ).toEqual({
      status: 503,
      code: 'service_unavailable',
      message: generic,
      fieldErrors: [],
    });
  });
});
