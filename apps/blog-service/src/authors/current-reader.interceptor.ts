import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { AuthenticatedRequest } from '@capstone/platform/auth';
import { from, switchMap, type Observable } from 'rxjs';
import { Authors } from './authors';

/**
 * Read-your-writes for the caller: a token naming them differently from the projection (they
 * renamed a moment ago, their event is on its way) repairs their row before the request is served.
 */
@Injectable()
export class CurrentReaderInterceptor implements NestInterceptor {
  constructor(private readonly authors: Authors) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!principal || context.getType() !== 'http') return next.handle();
    return from(this.authors.refresh(principal)).pipe(switchMap(() => next.handle()));
  }
}
