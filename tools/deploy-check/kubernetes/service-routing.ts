import type { Problem } from '../problem';
import { isMapping, listOf, lookup, type Mapping } from '../yaml-documents';
import { resourceProblem, type Manifest } from './manifests';
import { containersOf, selects, workloadsOf, type Workload } from './pod-templates';

/**
 * Connections the schemas cannot see: a workload's selector must pick its own pods, a Service's
 * selector must pick some workload's pods on a port they declare, and a StatefulSet's serviceName
 * must be the headless Service that gives its pods their stable DNS names.
 */
export function routingProblems(manifests: readonly Manifest[]): Problem[] {
  const workloads = workloadsOf(manifests);
  const services = manifests.filter(({ resource }) => resource['kind'] === 'Service');
  return [
    ...workloads.flatMap(selectorProblems),
    ...services.flatMap((service) => serviceProblems(service, workloads)),
    ...workloads.flatMap((workload) => governingServiceProblems(workload, services)),
  ];
}

function selectorProblems(workload: Workload): Problem[] {
  const matchLabels = lookup(workload.manifest.resource, 'spec', 'selector', 'matchLabels');
  if (!isMapping(matchLabels) || selects(matchLabels, workload.podLabels)) {
    return [];
  }
  return [
    resourceProblem(
      workload.manifest,
      'spec.selector.matchLabels',
      `selects ${JSON.stringify(matchLabels)}, which the pod template's labels do not carry`,
    ),
  ];
}

function serviceProblems(service: Manifest, workloads: readonly Workload[]): Problem[] {
  const selector = lookup(service.resource, 'spec', 'selector');
  if (!isMapping(selector)) {
    return [];
  }
  const selected = workloads.filter((workload) => selects(selector, workload.podLabels));
  if (selected.length === 0) {
    return [
      resourceProblem(
        service,
        'spec.selector',
        `selects ${JSON.stringify(selector)}, which no workload's pods carry`,
      ),
    ];
  }
  const containerPorts = selected
    .flatMap(containersOf)
    .flatMap(({ container }) => listOf(container['ports']))
    .filter(isMapping);
  const ports = lookup(service.resource, 'spec', 'ports');
  return listOf(ports).flatMap((port: unknown, index) => {
    if (!isMapping(port)) {
      return [];
    }
    // Without a targetPort, traffic goes to the container port of the same number.
    const targetPort = port['targetPort'] ?? port['port'];
    const served = containerPorts.some((containerPort: Mapping) =>
      typeof targetPort === 'string'
        ? containerPort['name'] === targetPort
        : containerPort['containerPort'] === targetPort,
    );
    return served
      ? []
      : [
          resourceProblem(
            service,
            `spec.ports[${index}].targetPort`,
            `no container of the selected pods declares port ${JSON.stringify(targetPort)}`,
          ),
        ];
  });
}

function governingServiceProblems(workload: Workload, services: readonly Manifest[]): Problem[] {
  const serviceName = lookup(workload.manifest.resource, 'spec', 'serviceName');
  if (workload.manifest.resource['kind'] !== 'StatefulSet' || serviceName === undefined) {
    return [];
  }
  const headless = services.some(
    ({ resource }) =>
      lookup(resource, 'metadata', 'name') === serviceName &&
      lookup(resource, 'spec', 'clusterIP') === 'None',
  );
  return headless
    ? []
    : [
        resourceProblem(
          workload.manifest,
          'spec.serviceName',
          `"${String(serviceName)}" is not a headless Service (clusterIP: None)`,
        ),
      ];
}
