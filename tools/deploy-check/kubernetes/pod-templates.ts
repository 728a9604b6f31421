import { isMapping, listOf, lookup, type Mapping } from '../yaml-documents';
import type { Manifest } from './manifests';

/** Where each workload kind keeps the template of the pods it runs. */
const TEMPLATE_PATHS: Record<string, readonly string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Pods that run to completion are never probed. */
const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);

export interface Workload {
  readonly manifest: Manifest;
  readonly templatePath: string;
  readonly podLabels: Mapping;
  readonly podSpec: Mapping;
  readonly longRunning: boolean;
}

export interface Container {
  readonly workload: Workload;
  readonly container: Mapping;
  /** e.g. spec.template.spec.containers[0] */
  readonly path: string;
  readonly isInit: boolean;
}

export function workloadsOf(manifests: readonly Manifest[]): Workload[] {
  return manifests.flatMap((manifest) => {
    const kind = String(manifest.resource['kind']);
    const templatePath = TEMPLATE_PATHS[kind];
    const template = templatePath && lookup(manifest.resource, ...templatePath);
    if (!isMapping(template)) {
      return [];
    }
    const podLabels = lookup(template, 'metadata', 'labels');
    const podSpec = template['spec'];
    return [
      {
        manifest,
        templatePath: templatePath.join('.'),
        podLabels: isMapping(podLabels) ? podLabels : {},
        podSpec: isMapping(podSpec) ? podSpec : {},
        longRunning: !RUN_TO_COMPLETION.has(kind),
      },
    ];
  });
}

export function containersOf(workload: Workload): Container[] {
  return (['initContainers', 'containers'] as const).flatMap((key) => {
    const containers = workload.podSpec[key];
    return listOf(containers).flatMap((container: unknown, index) =>
      isMapping(container)
        ? [
            {
              workload,
              container,
              path: `${workload.templatePath}.spec.${key}[${index}]`,
              isInit: key === 'initContainers',
            },
          ]
        : [],
    );
  });
}

/** Whether every key=value of a selector is among the labels. */
export function selects(selector: Mapping, labels: Mapping): boolean {
  const pairs = Object.entries(selector);
  return pairs.length > 0 && pairs.every(([key, value]) => labels[key] === value);
}
