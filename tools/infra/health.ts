import type { Health } from './component';
import { messageOf } from './infra-error';

export function unhealthy(error: unknown): Health {
  return { healthy: false, detail: messageOf(error) };
}
