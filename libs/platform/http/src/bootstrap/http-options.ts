import type { ErrorMappers } from '../errors/application-exception.filter';
import type { GrpcListenerOptions } from '../grpc/grpc-listener';
import type { ApiDescription } from '../openapi/openapi';

export interface HttpOptions {
  /** Title, description and version of the OpenAPI document served at `/docs`. */
  api: ApiDescription;
  /** Error formats other than problem details, by path prefix, e.g. `{ '/api': realWorldErrors }`. */
  errorMappers?: ErrorMappers;
  /** How long in-flight requests may run after SIGTERM before they are cut off. */
  drainTimeoutMs?: number;
  /**
   * Keep each JSON or form body's bytes as `request.rawBody` (`RawBodyRequest<FastifyRequest>`),
   * for routes that verify a signature over them (payment webhooks). Off by default: it doubles
   * the memory a body takes.
   */
  rawBody?: boolean;
  /**
   * Also serve this gRPC contract's `@GrpcMethod` handlers, on `GRPC_URL` (add
   * `grpcListenerEnvironment(port)` to the service's environment schema). For calls between
   * services only: no gateway or ingress routes to it.
   */
  grpc?: GrpcListenerOptions;
}
