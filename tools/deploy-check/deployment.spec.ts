import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDeployment, formatProblem } from './index';
import { repoRoot } from '../workspace/paths';

describe("the repository's deployment files", () => {
  it('pass every deployment check', async () => {
    const problems = await checkDeployment(repoRoot);

    expect(problems.map(formatProblem)).toEqual([]);
  }, 30_000);

  it('create the same service databases in Compose and in the local Kubernetes cluster', () => {
    const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

    expect(read('k8s/components/local-infra/create-service-databases.sql')).toBe(
      read('deploy/postgres/create-service-databases.sql'),
    );
  });
});

describe('formatProblem', () => {
  it('prints the file, the place in it and the message', () => {
    expect(
      formatProblem({
        file: 'Dockerfile',
        path: 'line 3',
        message: 'image "node" has no tag; pin a version',
      }),
    ).toBe('Dockerfile: line 3 — image "node" has no tag; pin a version');
  });
});
