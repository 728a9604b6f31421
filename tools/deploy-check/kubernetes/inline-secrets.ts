import type { Problem } from '../problem';
import { isMapping, listOf } from '../yaml-documents';
import { resourceProblem, type Manifest } from './manifests';
import { containersOf, workloadsOf } from './pod-templates';
import { looksSecret } from './secret-names';

/** Credentials never sit in git: Secrets are generated from ignored files or created in the cluster. */
export function inlineSecretProblems(manifests: readonly Manifest[]): Problem[] {
  const committedSecrets = manifests
    .filter(({ resource }) => resource['kind'] === 'Secret')
    .flatMap((secret) =>
      ['data', 'stringData']
        .filter(
          (key) => isMapping(secret.resource[key]) && Object.keys(secret.resource[key]).length > 0,
        )
        .map((key) =>
          resourceProblem(
            secret,
            key,
            'a Secret with values is committed; generate it from a gitignored file or create it in the cluster',
          ),
        ),
    );
  const secretConfig = manifests
    .filter(({ resource }) => resource['kind'] === 'ConfigMap' && isMapping(resource['data']))
    .flatMap((configMap) =>
      Object.keys(configMap.resource['data'] as object)
        .filter(looksSecret)
        .map((key) =>
          resourceProblem(
            configMap,
            `data.${key}`,
            `${key} looks like a credential; put it in a Secret`,
          ),
        ),
    );
  const secretEnvironment = workloadsOf(manifests)
    .flatMap(containersOf)
    .flatMap(({ workload, container, path }) =>
      listOf(container['env']).flatMap((variable: unknown, index) =>
        isMapping(variable) &&
        typeof variable['name'] === 'string' &&
        variable['value'] !== undefined &&
        looksSecret(variable['name'])
          ? [
              resourceProblem(
                workload.manifest,
                `${path}.env[${index}]`,
                `${variable['name']} has an inline value; use valueFrom.secretKeyRef`,
              ),
            ]
          : [],
      ),
    );
  return [...committedSecrets, ...secretConfig, ...secretEnvironment];
}
