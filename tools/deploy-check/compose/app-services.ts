import type { Problem } from '../problem';
import { isMapping, listOf, type Mapping } from '../yaml-documents';
import { loadAppEnvironment, type AppEnvironment } from './app-environment';
import { appOf, COMPOSE_FILE, listOrDict, servicesOf, type ComposeService } from './compose-model';

/**
 * An app service must be probed (the image has no HEALTHCHECK by design) and must agree with the
 * app's environment schema: every variable it sets is one the app reads, every variable the app
 * requires is set, and the container port is the one the app listens on.
 */
export async function appServiceProblems(root: string, compose: Mapping): Promise<Problem[]> {
  const checks = servicesOf(compose).map(async (service) => {
    const app = appOf(service);
    return app === undefined ? [] : problemsOfAppService(root, service, app);
  });
  return (await Promise.all(checks)).flat();
}

async function problemsOfAppService(
  root: string,
  service: ComposeService,
  app: string,
): Promise<Problem[]> {
  const at: PathOf = (key) => `services.${service.name}${key ? `.${key}` : ''}`;
  const healthcheck = service.definition['healthcheck'];
  const probed =
    isMapping(healthcheck) && healthcheck['test'] !== undefined && healthcheck['disable'] !== true;
  const problems: Problem[] = probed
    ? []
    : [
        {
          file: COMPOSE_FILE,
          path: at('healthcheck'),
          message: `app service "${service.name}" has no healthcheck`,
        },
      ];

  // The name becomes part of a path to load code from, so only an app folder name gets through.
  const environment = /^[a-z0-9][a-z0-9-]*$/.test(app)
    ? await loadAppEnvironment(root, app)
    : `"${app}" is not an app name`;
  if (typeof environment === 'string') {
    return [...problems, { file: COMPOSE_FILE, path: at('build.args.APP'), message: environment }];
  }
  return [
    ...problems,
    ...environmentProblems(service, app, environment, at),
    ...portProblems(service, app, environment, at),
  ];
}

type PathOf = (key: string) => string;

function environmentProblems(
  service: ComposeService,
  app: string,
  environment: AppEnvironment,
  at: PathOf,
): Problem[] {
  const set = listOrDict(service.definition['environment']);
  const unknown = [...set.keys()]
    .filter((key) => !environment.keys.has(key))
    .map((key) => ({
      file: COMPOSE_FILE,
      path: at(`environment.${key}`),
      message: `${app}'s environment schema has no ${key}`,
    }));
  const missing = [...environment.requiredKeys]
    .filter((key) => !set.has(key))
    .map((key) => ({
      file: COMPOSE_FILE,
      path: at('environment'),
      message: `${app} requires ${key}, which is not set`,
    }));
  return [...unknown, ...missing];
}

function portProblems(
  service: ComposeService,
  app: string,
  environment: AppEnvironment,
  at: PathOf,
): Problem[] {
  const listensOn =
    listOrDict(service.definition['environment']).get('PORT') ?? environment.defaultPort;
  if (listensOn === undefined) {
    return [
      {
        file: COMPOSE_FILE,
        path: at(''),
        message: `${app}'s environment schema gives PORT no default`,
      },
    ];
  }
  const grpcUrl = listOrDict(service.definition['environment']).get('GRPC_URL');
  const grpcPort = (grpcUrl ?? environment.defaultGrpcUrl)?.split(':').pop();
  const published = listOf(service.definition['ports']).map(containerPortOf);
  const exposed = listOf(service.definition['expose']).map(containerPortOf);
  const problem = (path: string, message: string) => ({ file: COMPOSE_FILE, path, message });
  return [
    ...published.map((port, index) => ({ port, path: at(`ports[${index}]`), internal: false })),
    ...exposed.map((port, index) => ({ port, path: at(`expose[${index}]`), internal: true })),
  ].flatMap(({ port, path, internal }) => {
    if (port === listensOn) return [];
    // The gRPC port serves other services only (ADR 0010): exposed inside the network, never published.
    if (port === grpcPort) {
      return internal
        ? []
        : [
            problem(
              path,
              `container port ${port} is ${app}'s gRPC port: expose it, never publish it`,
            ),
          ];
    }
    return [
      problem(path, `container port ${port} is not the port ${app} listens on (PORT ${listensOn})`),
    ];
  });
}

/** The container side of `[host-ip:][host-port:]container-port[/protocol]`, or of the long syntax. */
function containerPortOf(port: unknown): string {
  if (isMapping(port)) {
    return String(port['target']);
  }
  const withoutProtocol = String(port).split('/')[0];
  return withoutProtocol.slice(withoutProtocol.lastIndexOf(':') + 1);
}
