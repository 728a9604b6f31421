import { type ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { Metadata, status, type StatusObject } from '@grpc/grpc-js';
import { type Observable, throwError } from 'rxjs';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from '../errors/domain-errors';

const statusOfDomainError = new Map<abstract new (...args: never[]) => DomainError, status>([
  [ValidationError, status.INVALID_ARGUMENT],
  [NotFoundError, status.NOT_FOUND],
  [ConflictError, status.ALREADY_EXISTS],
  [UnauthorizedError, status.UNAUTHENTICATED],
  [ForbiddenError, status.PERMISSION_DENIED],
  [RateLimitedError, status.RESOURCE_EXHAUSTED],
]);

/** The error a gRPC client receives: its status, a message, and the stable code in `error-code` metadata. */
export type GrpcError = Omit<StatusObject, 'details'> & { message: string };

/**
 * The one place a failed gRPC call is answered, as ApplicationExceptionFilter is for HTTP: a
 * domain error becomes its status, anything else INTERNAL with its cause logged, never sent.
 */
@Catch()
export class GrpcExceptionFilter implements RpcExceptionFilter {
  private readonly logger = new Logger('Grpc');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toGrpcError(exception));
  }

  private toGrpcError(exception: unknown): object {
    if (exception instanceof RpcException) return Object(exception.getError());
    if (exception instanceof DomainError) {
      const code = [...statusOfDomainError].find(([kind]) => exception instanceof kind)?.[1];
      if (code !== undefined) return domainFailure(exception, code);
    }
    this.logger.error({ err: exception }, 'gRPC call failed');
    return { code: status.INTERNAL, message: 'The server failed to handle this call' };
  }
}

function domainFailure(error: DomainError, code: status): GrpcError {
  const metadata = new Metadata();
  metadata.set('error-code', error.code);
  const fields = error.fieldErrors.map(({ field, message }) => `${field} ${message}`);
  const message = fields.length > 0 ? `${error.message}: ${fields.join('; ')}` : error.message;
  return { code, message, metadata };
}
