import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDockerfile } from '../index';
import { copyDeployment, editText, removeCopies } from '../testing/deployment-copies';
import { repoRoot } from '../../workspace/paths';

const DOCKERFILE = 'Dockerfile';

/** The repository's Dockerfile and build-context files, with the Dockerfile edited. */
function dockerfileWith(edit: (text: string) => string): string {
  const root = copyDeployment(repoRoot, [
    DOCKERFILE,
    '.dockerignore',
    'package.json',
    'package-lock.json',
    'prisma',
    'tools/db/image',
  ]);
  editText(root, DOCKERFILE, edit);
  return root;
}

/** Where the first (or last) line starting with `prefix` is, as the check reports it. */
function lineStarting(root: string, prefix: string, which: 'first' | 'last' = 'first'): string {
  const lines = readFileSync(join(root, DOCKERFILE), 'utf8').split('\n');
  const starts = (line: string) => line.startsWith(prefix);
  return `line ${(which === 'first' ? lines.findIndex(starts) : lines.findLastIndex(starts)) + 1}`;
}

afterEach(removeCopies);

describe('build stages', () => {
  it('reports COPY --from naming a stage that does not exist', async () => {
    const root = dockerfileWith((text) =>
      text.replace(
        'COPY --from=build /workspace/dist/apps/${APP}/ ./',
        'COPY --from=builder /workspace/dist/apps/${APP}/ ./',
      ),
    );

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'COPY --from=builder'),
        message: '--from=builder names no earlier build stage',
      },
    ]);
  });

  it('reports FROM naming a stage that is only defined later', async () => {
    const root = dockerfileWith((text) =>
      text.replace('FROM node AS deps', 'FROM runtime AS deps'),
    );

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'FROM runtime'),
        message: 'FROM runtime names a stage that is defined later',
      },
    ]);
  });

  it('reports a base image without a tag', async () => {
    const root = dockerfileWith((text) => text.replace(/^FROM node:\S+/m, 'FROM node'));

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'FROM node AS node'),
        message: 'image "node" has no tag; pin a version',
      },
    ]);
  });
});

describe('the build context', () => {
  it('reports a COPY source that does not exist in the repository', async () => {
    const root = dockerfileWith((text) =>
      text.replace(
        'COPY package.json package-lock.json ./',
        'COPY package.json npm-shrinkwrap.json ./',
      ),
    );

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'COPY package.json'),
        message: '"npm-shrinkwrap.json" does not exist in the build context',
      },
    ]);
  });

  it('reports a COPY source that .dockerignore leaves out of the context', async () => {
    const root = dockerfileWith((text) =>
      text.replace(
        'COPY package.json package-lock.json ./',
        'COPY package.json package-lock.json .dockerignore ./',
      ),
    );

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'COPY package.json'),
        message: '".dockerignore" is excluded from the build context by .dockerignore',
      },
    ]);
  });
});

/** The Dockerfile with the USER line of one stage (found by its FROM line) replaced. */
function withStageUser(stageFrom: string, user: string): (text: string) => string {
  return (text) => {
    const start = text.indexOf(stageFrom);
    const stage = text.slice(start).replace(/^USER .*$/m, user);
    return text.slice(0, start) + stage;
  };
}

describe('the images that run', () => {
  it('reports a final stage that runs as root because it sets no USER', async () => {
    const root = dockerfileWith(withStageUser('FROM node AS runtime', ''));

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'FROM node AS runtime'),
        message:
          'the final stage runs as root; switch to a non-root USER (numeric, for runAsNonRoot)',
      },
    ]);
  });

  it('reports a final stage that switches back to root', async () => {
    const root = dockerfileWith(withStageUser('FROM node AS runtime', 'USER root'));

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'FROM node AS runtime'),
        message:
          'the final stage runs as root; switch to a non-root USER (numeric, for runAsNonRoot)',
      },
    ]);
  });

  it('reports a stage that names its command, like the migrations image, running as root', async () => {
    const root = dockerfileWith(withStageUser('FROM node AS migrations', ''));

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'FROM node AS migrations'),
        message:
          'the "migrations" stage runs as root; switch to a non-root USER (numeric, for runAsNonRoot)',
      },
    ]);
  });
});

/** The migrations stage as it was: the full workspace, every dependency, and tsx over the sources. */
const toolchainMigrations = (text: string) =>
  text.replace(
    /FROM node AS migrations\n[\s\S]*?ENTRYPOINT .*\n/,
    [
      'FROM deps AS migrations',
      'COPY . .',
      'USER 1000:1000',
      'CMD ["node_modules/.bin/tsx", "tools/db/cli.ts", "deploy"]',
      '',
    ].join('\n'),
  );

describe('what the images carry', () => {
  it('reports a migrations image that carries the workspace, its dev dependencies and tsx', async () => {
    const root = dockerfileWith(toolchainMigrations);
    const image = 'the "migrations" image';

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'COPY . .', 'last'),
        message: `${image} copies "." from the build context; an image takes only build output, copied from a build stage`,
      },
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'CMD ["node_modules/.bin/tsx"'),
        message: `${image} runs TypeScript sources; an image runs the compiled JavaScript`,
      },
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'COPY package.json package-lock.json'),
        message: `${image} copies "package.json" from the build context; an image takes only build output, copied from a build stage`,
      },
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'COPY package.json package-lock.json'),
        message: `${image} copies "package-lock.json" from the build context; an image takes only build output, copied from a build stage`,
      },
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'RUN --mount=type=cache,target=/root/.npm npm ci --no-audit'),
        message: `${image} installs dev dependencies; install with npm ci --omit=dev`,
      },
    ]);
  });

  it('reports a service image that copies sources rather than build output from the build stage', async () => {
    const root = dockerfileWith((text) =>
      text.replace(
        'COPY --from=build /workspace/dist/apps/${APP}/ ./',
        'COPY --from=build /workspace/apps/${APP}/src/ ./',
      ),
    );

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'COPY --from=build /workspace/apps/'),
        message:
          'the "runtime" image copies "/workspace/apps/${APP}/src/" from build, which is not build output (a dist/ folder)',
      },
    ]);
  });

  it('reports a service image that installs dev dependencies', async () => {
    const root = dockerfileWith((text) =>
      text.replace(
        /(FROM node AS runtime[\s\S]*?)npm ci --omit=dev/,
        (_stage, before: string) => `${before}npm ci`,
      ),
    );

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'RUN --mount=type=cache,target=/root/.npm npm ci', 'last'),
        message: 'the "runtime" image installs dev dependencies; install with npm ci --omit=dev',
      },
    ]);
  });

  it('reports a service image that starts through tsx', async () => {
    const root = dockerfileWith((text) =>
      text.replace('CMD ["node", "main.js"]', 'CMD ["tsx", "apps/auth-service/src/main.ts"]'),
    );

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'CMD ["tsx"'),
        message:
          'the "runtime" image runs TypeScript sources; an image runs the compiled JavaScript',
      },
    ]);
  });

  it('reports a service image whose memory settings differ from those the benchmarks measure with', async () => {
    const root = dockerfileWith((text) =>
      text.replace('--max-semi-space-size=4 MALLOC_ARENA_MAX=2', '--max-semi-space-size=16'),
    );

    expect(await checkDockerfile(root)).toEqual([
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'FROM node AS runtime'),
        message:
          'the runtime stage sets NODE_OPTIONS=--max-semi-space-size=16, but the benchmarks measure with --max-semi-space-size=4 (tools/workspace/image-runtime-environment.ts)',
      },
      {
        file: DOCKERFILE,
        path: lineStarting(root, 'FROM node AS runtime'),
        message:
          'the runtime stage does not set MALLOC_ARENA_MAX=2 (tools/workspace/image-runtime-environment.ts)',
      },
    ]);
  });
});
