import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Problem } from '../problem';
import { resourceProblem, type Manifest } from './manifests';
import type { ModelViolation } from './model-validator';

/**
 * Validates resources against the Kubernetes schemas of kubernetes-models. That package ships only
 * ES modules, which a CommonJS host such as Jest cannot import, so a plain Node process does it.
 */
export function modelProblems(manifests: readonly Manifest[]): Problem[] {
  if (manifests.length === 0) {
    return [];
  }
  const validator = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'model-validator.ts')],
    {
      cwd: __dirname,
      input: JSON.stringify(manifests.map(({ resource }) => resource)),
      encoding: 'utf8',
    },
  );
  if (validator.status !== 0) {
    throw new Error(
      `the Kubernetes schema validator failed: ${validator.stderr || validator.error?.message}`,
    );
  }
  const violations: ModelViolation[] = JSON.parse(validator.stdout);
  return violations.map(({ index, path, message }) =>
    resourceProblem(manifests[index], path, message),
  );
}
