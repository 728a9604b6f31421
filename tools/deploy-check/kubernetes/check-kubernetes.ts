import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../problem';
import { autoscalingProblems } from './autoscaling';
import { ingressProblems } from './gateway-ingress';
import { inlineSecretProblems } from './inline-secrets';
import { kustomizationProblems, patchFilesOf } from './kustomizations';
import { KUBERNETES_DIR, readKubernetesTree } from './manifests';
import { modelProblems } from './model-validation';
import { hardeningProblems } from './pod-hardening';
import { routingProblems } from './service-routing';

/**
 * Checks every manifest under k8s/: kustomize references, the Kubernetes schemas, then house rules
 * (selectors and ports, the gateway's routes, autoscaling, pod hardening, no committed secrets).
 */
export async function checkKubernetes(root: string): Promise<Problem[]> {
  if (!existsSync(join(root, KUBERNETES_DIR))) {
    return [{ file: KUBERNETES_DIR, message: 'is missing' }];
  }
  const tree = await readKubernetesTree(root);
  const patchFiles = patchFilesOf(tree.kustomizations);
  // A patch is a fragment of a resource; it is checked as part of what kustomize builds, not alone.
  const documents = tree.manifests.filter(({ file }) => !patchFiles.has(file));
  const resources = documents.filter(
    ({ resource }) => resource['apiVersion'] !== undefined && resource['kind'] !== undefined,
  );
  const fragments = documents
    .filter((document) => !resources.includes(document))
    .map(({ file }) => ({
      file,
      message: 'holds a document without apiVersion and kind that no kustomization uses as a patch',
    }));

  return [
    ...tree.problems,
    ...kustomizationProblems(root, tree.kustomizations),
    ...fragments,
    ...modelProblems(resources),
    ...routingProblems(resources),
    ...ingressProblems(resources),
    ...autoscalingProblems(resources),
    ...hardeningProblems(resources),
    ...inlineSecretProblems(resources),
  ];
}
