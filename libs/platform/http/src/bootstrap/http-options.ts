import type { ErrorMappers } from '../errors/application-exception.filter';
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
}
