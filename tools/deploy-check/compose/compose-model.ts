import { isMapping, type Mapping } from '../yaml-documents';

export const COMPOSE_FILE = 'docker-compose.yml';

export interface ComposeService {
  readonly name: string;
  readonly definition: Mapping;
}

export function servicesOf(compose: Mapping): ComposeService[] {
  const services = isMapping(compose['services']) ? compose['services'] : {};
  return Object.entries(services).flatMap(([name, definition]) =>
    isMapping(definition) ? [{ name, definition }] : [],
  );
}

/** Reads Compose's "list or dict" form (`KEY: value` or `- KEY=value`); a bare `- KEY` has no value. */
export function listOrDict(value: unknown): Map<string, string | undefined> {
  if (Array.isArray(value)) {
    return new Map(
      value.map((entry) => {
        const [key, ...rest] = String(entry).split('=');
        return [key, rest.length > 0 ? rest.join('=') : undefined] as const;
      }),
    );
  }
  if (isMapping(value)) {
    return new Map(
      Object.entries(value).map(
        ([key, entry]) => [key, entry === null ? undefined : String(entry)] as const,
      ),
    );
  }
  return new Map();
}

/** The app a service is built from: its build.args.APP, which the shared Dockerfile builds. */
export function appOf(service: ComposeService): string | undefined {
  const build = service.definition['build'];
  return isMapping(build) ? listOrDict(build['args']).get('APP') : undefined;
}
