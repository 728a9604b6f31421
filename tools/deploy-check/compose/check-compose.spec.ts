import { checkCompose } from '../index';
import { copyDeployment, editYaml, FIXTURES, removeCopies } from '../testing/deployment-copies';
import { repoRoot } from '../../workspace/paths';

const COMPOSE = 'docker-compose.yml';
const APP_FIXTURE = `${FIXTURES}/compose-app`;

/** The repository's docker-compose.yml with one edit applied. */
function repositoryComposeWith(edit: Parameters<typeof editYaml>[2]): string {
  // The apps come along: app services in the real file are checked against their environment schemas.
  const root = copyDeployment(repoRoot, [
    COMPOSE,
    'apps',
    'libs',
    'tsconfig.base.json',
    'tsconfig.json',
  ]);
  editYaml(root, COMPOSE, edit);
  return root;
}

/** The app fixture (an app service and its environment schema) with one edit applied. */
function appComposeWith(edit: Parameters<typeof editYaml>[2]): string {
  const root = copyDeployment(APP_FIXTURE, [COMPOSE, 'apps']);
  editYaml(root, COMPOSE, edit);
  return root;
}

afterEach(removeCopies);

describe('the Compose Specification schema', () => {
  it('reports a key the specification does not define', async () => {
    const root = repositoryComposeWith(([compose]) =>
      compose.setIn(['services', 'redis', 'restart_policy'], 'always'),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.redis.restart_policy',
        message: 'is not a key the schema defines',
      },
    ]);
  });

  it('reports a value of the wrong type', async () => {
    const root = repositoryComposeWith(([compose]) =>
      compose.setIn(['services', 'redis', 'healthcheck', 'interval'], 5),
    );

    expect(await checkCompose(root)).toEqual([
      { file: COMPOSE, path: 'services.redis.healthcheck.interval', message: 'must be string' },
    ]);
  });

  it('reports a value outside an enumeration', async () => {
    const root = repositoryComposeWith(([compose]) =>
      compose.setIn(['services', 'redis', 'depends_on'], {
        postgres: { condition: 'service_ready' },
      }),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.redis.depends_on.postgres.condition',
        message: 'must be one of: service_started, service_healthy, service_completed_successfully',
      },
    ]);
  });
});

describe('references between services', () => {
  it('reports depends_on naming a service that does not exist', async () => {
    const root = repositoryComposeWith(([compose]) =>
      compose.setIn(['services', 'redis', 'depends_on'], ['postgress']),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.redis.depends_on',
        message: 'depends on "postgress", which is not a service',
      },
    ]);
  });

  it('reports a named volume that the top-level volumes do not declare', async () => {
    const root = repositoryComposeWith(([compose]) =>
      compose.setIn(['services', 'redis', 'volumes', 0], 'cache-data:/data'),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.redis.volumes',
        message: 'uses volume "cache-data", which the top-level volumes do not declare',
      },
    ]);
  });

  it('reports an image on the moving latest tag', async () => {
    const root = repositoryComposeWith(([compose]) =>
      compose.setIn(['services', 'redis', 'image'], 'redis:latest'),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.redis.image',
        message: 'image "redis:latest" uses the moving "latest" tag; pin a version',
      },
    ]);
  });

  it('reports a variable that a fresh clone without .env leaves empty', async () => {
    const root = repositoryComposeWith(([compose]) =>
      compose.setIn(
        ['services', 'postgres', 'environment', 'POSTGRES_PASSWORD'],
        '${POSTGRES_PASSWORD}',
      ),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.postgres.environment.POSTGRES_PASSWORD',
        message:
          '${POSTGRES_PASSWORD} has no default; use ${POSTGRES_PASSWORD:-<local default>} and document it in .env.example',
      },
    ]);
  });
});

describe('app services', () => {
  it('accepts an app service that agrees with its environment schema', async () => {
    expect(await checkCompose(APP_FIXTURE)).toEqual([]);
  });

  it('reports an app service without a healthcheck', async () => {
    const root = appComposeWith(([compose]) =>
      compose.deleteIn(['services', 'greeter', 'healthcheck']),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.greeter.healthcheck',
        message: 'app service "greeter" has no healthcheck',
      },
    ]);
  });

  it('reports an environment variable the app does not read', async () => {
    const root = appComposeWith(([compose]) =>
      compose.setIn(['services', 'greeter', 'environment', 'LOG_LEVLE'], 'debug'),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.greeter.environment.LOG_LEVLE',
        message: "greeter's environment schema has no LOG_LEVLE",
      },
    ]);
  });

  it('reports a required environment variable that is not set', async () => {
    const root = appComposeWith(([compose]) =>
      compose.deleteIn(['services', 'greeter', 'environment', 'DATABASE_URL']),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.greeter.environment',
        message: 'greeter requires DATABASE_URL, which is not set',
      },
    ]);
  });

  it('reports a container port other than the one the app listens on', async () => {
    const root = appComposeWith(([compose]) =>
      compose.setIn(['services', 'greeter', 'ports', 0], '3010:3000'),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.greeter.ports[0]',
        message: 'container port 3000 is not the port greeter listens on (PORT 3010)',
      },
    ]);
  });

  it("reports auth-service's gRPC port published on the host, which only other services may reach", async () => {
    const root = repositoryComposeWith(([compose]) =>
      compose.setIn(['services', 'auth-service', 'ports'], ['127.0.0.1:4001:4001']),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.auth-service.ports[0]',
        message: "container port 4001 is auth-service's gRPC port: expose it, never publish it",
      },
    ]);
  });

  it('reports an app that has no environment schema', async () => {
    const root = appComposeWith(([compose]) =>
      compose.setIn(['services', 'greeter', 'build', 'args', 'APP'], 'welcomer'),
    );

    expect(await checkCompose(root)).toEqual([
      {
        file: COMPOSE,
        path: 'services.greeter.build.args.APP',
        message: 'app "welcomer" has no apps/welcomer/src/config/environment.ts',
      },
    ]);
  });
});
