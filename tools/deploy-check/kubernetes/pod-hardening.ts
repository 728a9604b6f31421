import { unpinnedImageReason } from '../image-reference';
import type { Problem } from '../problem';
import { isMapping, lookup } from '../yaml-documents';
import { resourceProblem, type Manifest } from './manifests';
import { containersOf, workloadsOf, type Container } from './pod-templates';

const RESOURCE_SETTINGS: Record<string, string> = {
  'requests.cpu': 'CPU request',
  'requests.memory': 'memory request',
  'limits.cpu': 'CPU limit',
  'limits.memory': 'memory limit',
};

/**
 * Every container is locked down the way the restricted Pod Security Standard and STYLE.md ask:
 * a pinned image, requests and limits, probes for long-running pods, no root, no privilege
 * escalation, no capabilities, a read-only root filesystem and the runtime's seccomp profile.
 */
export function hardeningProblems(manifests: readonly Manifest[]): Problem[] {
  return workloadsOf(manifests)
    .flatMap(containersOf)
    .flatMap((container) => {
      const problem = (field: string, message: string) =>
        resourceProblem(
          container.workload.manifest,
          `${container.path}${field}`,
          `container "${String(container.container['name'])}" ${message}`,
        );
      return [
        ...imageProblems(container, problem),
        ...resourceProblems(container, problem),
        ...probeProblems(container, problem),
        ...securityContextProblems(container, problem),
      ];
    });
}

type ProblemAt = (field: string, message: string) => Problem;

function imageProblems({ container }: Container, problem: ProblemAt): Problem[] {
  const reason = unpinnedImageReason(String(container['image'] ?? ''));
  return reason ? [problem('.image', reason)] : [];
}

function resourceProblems({ container }: Container, problem: ProblemAt): Problem[] {
  return Object.entries(RESOURCE_SETTINGS)
    .filter(([setting]) => lookup(container['resources'], ...setting.split('.')) === undefined)
    .map(([setting, description]) => problem(`.resources.${setting}`, `sets no ${description}`));
}

function probeProblems({ container, workload, isInit }: Container, problem: ProblemAt): Problem[] {
  if (isInit || !workload.longRunning) {
    return [];
  }
  return ['livenessProbe', 'readinessProbe']
    .filter((probe) => !isMapping(container[probe]))
    .map((probe) => problem(`.${probe}`, `has no ${probe}`));
}

function securityContextProblems(
  { container, workload }: Container,
  problem: ProblemAt,
): Problem[] {
  const pod = workload.podSpec['securityContext'];
  const own = container['securityContext'];
  // Pod-level settings apply to every container unless the container overrides them.
  const effective = (...keys: string[]) => lookup(own, ...keys) ?? lookup(pod, ...keys);
  const problems: Problem[] = [];
  if (effective('runAsNonRoot') !== true) {
    problems.push(
      problem('.securityContext.runAsNonRoot', 'may run as root; set runAsNonRoot: true'),
    );
  }
  const runAsUser = effective('runAsUser');
  if (typeof runAsUser !== 'number' || runAsUser === 0) {
    problems.push(problem('.securityContext.runAsUser', 'sets no non-zero runAsUser'));
  }
  if (lookup(own, 'readOnlyRootFilesystem') !== true) {
    problems.push(
      problem(
        '.securityContext.readOnlyRootFilesystem',
        'may write to its root filesystem; mount an emptyDir where it must write',
      ),
    );
  }
  if (lookup(own, 'allowPrivilegeEscalation') !== false) {
    problems.push(
      problem(
        '.securityContext.allowPrivilegeEscalation',
        'does not set allowPrivilegeEscalation: false',
      ),
    );
  }
  const dropped = lookup(own, 'capabilities', 'drop');
  if (!Array.isArray(dropped) || !dropped.includes('ALL')) {
    problems.push(
      problem('.securityContext.capabilities.drop', 'keeps Linux capabilities; drop ALL'),
    );
  }
  if (!['RuntimeDefault', 'Localhost'].includes(String(effective('seccompProfile', 'type')))) {
    problems.push(
      problem('.securityContext.seccompProfile', 'has no seccomp profile; use type RuntimeDefault'),
    );
  }
  return problems;
}
