import type { Problem } from '../problem';
import { isMapping, lookup } from '../yaml-documents';
import { KUBERNETES_DIR, resourceName, resourceProblem, type Manifest } from './manifests';
import { selects, workloadsOf, type Workload } from './pod-templates';

/** The services that scale out with their traffic (the shortener's redirects, issue 11). */
export const autoscaledServices: readonly string[] = ['shortener-service'];

/**
 * A service that scales out runs as a Deployment under a HorizontalPodAutoscaler that targets a
 * workload in the tree, never shrinks it to one pod, and owns its replica count alone; a
 * PodDisruptionBudget keeps a node drain from evicting all of its pods at once.
 */
export function autoscalingProblems(
  manifests: readonly Manifest[],
  autoscaled: readonly string[] = autoscaledServices,
): Problem[] {
  const workloads = workloadsOf(manifests);
  const autoscalers = manifests.filter(
    ({ resource }) => resource['kind'] === 'HorizontalPodAutoscaler',
  );
  const budgets = manifests.filter(({ resource }) => resource['kind'] === 'PodDisruptionBudget');
  const targetOf = (autoscaler: Manifest) =>
    workloads.find(
      ({ manifest }) =>
        manifest.resource['kind'] ===
          lookup(autoscaler.resource, 'spec', 'scaleTargetRef', 'kind') &&
        nameOf(manifest) === lookup(autoscaler.resource, 'spec', 'scaleTargetRef', 'name'),
    );

  const unscaled = autoscaled.flatMap((service): Problem[] => {
    const deployment = workloads.find(
      ({ manifest }) => manifest.resource['kind'] === 'Deployment' && nameOf(manifest) === service,
    );
    if (!deployment) {
      return [
        {
          file: KUBERNETES_DIR,
          message: `no Deployment runs ${service}, which scales out under a HorizontalPodAutoscaler`,
        },
      ];
    }
    return autoscalers.some((autoscaler) => targetOf(autoscaler) === deployment)
      ? []
      : [
          resourceProblem(
            deployment.manifest,
            '',
            'scales out, but no HorizontalPodAutoscaler targets it',
          ),
        ];
  });
  const misconfigured = autoscalers.flatMap((autoscaler): Problem[] => {
    const target = targetOf(autoscaler);
    if (!target) {
      const ref = lookup(autoscaler.resource, 'spec', 'scaleTargetRef');
      const named = isMapping(ref) ? `${String(ref['kind'])}/${String(ref['name'])}` : 'nothing';
      return [
        resourceProblem(
          autoscaler,
          'spec.scaleTargetRef',
          `scales ${named}, which no manifest defines`,
        ),
      ];
    }
    return [...replicaProblems(autoscaler, target), ...disruptionProblems(target, budgets)];
  });
  return [...unscaled, ...misconfigured];
}

function nameOf(manifest: Manifest): unknown {
  return lookup(manifest.resource, 'metadata', 'name');
}

function replicaProblems(autoscaler: Manifest, target: Workload): Problem[] {
  const problems: Problem[] = [];
  // Unset, the autoscaler's minimum is one pod.
  const minReplicas = lookup(autoscaler.resource, 'spec', 'minReplicas') ?? 1;
  if (typeof minReplicas !== 'number' || minReplicas < 2) {
    problems.push(
      resourceProblem(
        autoscaler,
        'spec.minReplicas',
        `lets ${resourceName(target.manifest)} shrink to one pod, which a crash or a node drain takes down; set at least 2`,
      ),
    );
  }
  if (lookup(target.manifest.resource, 'spec', 'replicas') !== undefined) {
    problems.push(
      resourceProblem(
        target.manifest,
        'spec.replicas',
        `is set, so every apply resets the count ${resourceName(autoscaler)} chose; leave it out`,
      ),
    );
  }
  return problems;
}

function disruptionProblems(target: Workload, budgets: readonly Manifest[]): Problem[] {
  const guarded = budgets.some((budget) => {
    const matchLabels = lookup(budget.resource, 'spec', 'selector', 'matchLabels');
    return isMapping(matchLabels) && selects(matchLabels, target.podLabels);
  });
  return guarded
    ? []
    : [
        resourceProblem(
          target.manifest,
          '',
          'is autoscaled, but no PodDisruptionBudget selects its pods, so a node drain may evict them all at once',
        ),
      ];
}
