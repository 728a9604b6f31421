import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What the deployment check needs from an app's zod environment schema. */
export interface AppEnvironment {
  readonly keys: ReadonlySet<string>;
  /** Keys the app cannot start without: no default, not optional. */
  readonly requiredKeys: ReadonlySet<string>;
  /** The PORT the app listens on when nothing overrides it. */
  readonly defaultPort: string | undefined;
  /** The GRPC_URL its gRPC server listens on when nothing overrides it, for an app that has one. */
  readonly defaultGrpcUrl: string | undefined;
}

interface FieldSchema {
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

export function environmentFileOf(app: string): string {
  return `apps/${app}/src/config/environment.ts`;
}

/** Loads `environmentSchema` from the app's config module, or explains why it cannot. */
export async function loadAppEnvironment(
  root: string,
  app: string,
): Promise<AppEnvironment | string> {
  const file = join(root, environmentFileOf(app));
  if (!existsSync(file)) {
    return `app "${app}" has no ${environmentFileOf(app)}`;
  }
  const module: { environmentSchema?: { shape?: Record<string, FieldSchema> } } = await import(
    file
  );
  const shape = module.environmentSchema?.shape;
  if (shape === undefined) {
    return `${environmentFileOf(app)} does not export environmentSchema = z.object({...})`;
  }
  // Parsing "absent" asks zod itself whether a key is optional and what its default is.
  const absent = Object.entries(shape).map(
    ([key, field]) => [key, field.safeParse(undefined)] as const,
  );
  const port = absent.find(([key]) => key === 'PORT')?.[1];
  const grpcUrl = absent.find(([key]) => key === 'GRPC_URL')?.[1];
  return {
    keys: new Set(Object.keys(shape)),
    requiredKeys: new Set(absent.filter(([, result]) => !result.success).map(([key]) => key)),
    defaultPort: port?.success && port.data !== undefined ? String(port.data) : undefined,
    defaultGrpcUrl:
      grpcUrl?.success && grpcUrl.data !== undefined ? String(grpcUrl.data) : undefined,
  };
}
