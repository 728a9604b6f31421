import {
  closedPrefixes as gatewayClosedPrefixes,
  gatewayRoutes,
  type GatewayRoute,
} from '../../dev/gateway-routes';
import type { Problem } from '../problem';
import { isMapping, listOf, lookup } from '../yaml-documents';
import { KUBERNETES_DIR, resourceProblem, type Manifest } from './manifests';

interface IngressPath {
  readonly manifest: Manifest;
  /** e.g. spec.rules[0].http.paths[3] */
  readonly at: string;
  readonly path: string;
  readonly pathType: unknown;
  readonly service: unknown;
  readonly port: unknown;
}

const pathTypeOf: Record<GatewayRoute['match'], string> = { prefix: 'Prefix', exact: 'Exact' };

/**
 * The Ingress is the gateway in Kubernetes, as nginx is in Compose and the dev gateway under npm
 * start: it routes exactly the paths of tools/dev/gateway-routes.ts, each to the same service on a
 * port that Service declares, and nothing that reaches a closed prefix such as /internal/.
 */
export function ingressProblems(
  manifests: readonly Manifest[],
  routes: readonly GatewayRoute[] = gatewayRoutes,
  closedPrefixes: readonly string[] = gatewayClosedPrefixes,
): Problem[] {
  const ingresses = manifests.filter(({ resource }) => resource['kind'] === 'Ingress');
  if (ingresses.length === 0) {
    return [
      {
        file: KUBERNETES_DIR,
        message: 'no Ingress routes the gateway paths of tools/dev/gateway-routes.ts',
      },
    ];
  }
  const paths = ingresses.flatMap(pathsOf);
  const services = manifests.filter(({ resource }) => resource['kind'] === 'Service');
  const sameRoute = (route: GatewayRoute, entry: IngressPath) =>
    entry.pathType === pathTypeOf[route.match] && elementsOf(entry.path) === elementsOf(route.path);

  const unrouted = routes
    .filter((route) => !paths.some((entry) => sameRoute(route, entry)))
    .map((route) =>
      resourceProblem(
        ingresses[0],
        'spec.rules',
        `does not route ${route.path} (${pathTypeOf[route.match]}) to ${route.service}, as the gateway does`,
      ),
    );
  const misrouted = paths.flatMap((entry): Problem[] => {
    const problem = (message: string) => resourceProblem(entry.manifest, entry.at, message);
    const closed = closedPrefixes.find((prefix) => matches(entry, `${prefix}any`));
    if (closed) return [problem(`routes ${closed}, which the gateway never does`)];
    const route = routes.find((candidate) => sameRoute(candidate, entry));
    if (!route) {
      return [
        problem(
          `routes ${entry.path} (${String(entry.pathType)}), which the gateway does not; add it to tools/dev/gateway-routes.ts and nginx.conf first`,
        ),
      ];
    }
    if (entry.service !== route.service) {
      return [
        problem(
          `sends ${entry.path} to ${String(entry.service)}; the gateway sends it to ${route.service}`,
        ),
      ];
    }
    return servesPort(services, route.service, entry.port)
      ? []
      : [problem(`port ${JSON.stringify(entry.port)} is not a port of Service ${route.service}`)];
  });
  return [...unrouted, ...misrouted];
}

function pathsOf(manifest: Manifest): IngressPath[] {
  return listOf(lookup(manifest.resource, 'spec', 'rules')).flatMap((rule, ruleIndex) =>
    listOf(lookup(rule, 'http', 'paths')).flatMap((entry, pathIndex) =>
      isMapping(entry)
        ? [
            {
              manifest,
              at: `spec.rules[${ruleIndex}].http.paths[${pathIndex}]`,
              path: String(entry['path'] ?? ''),
              pathType: entry['pathType'],
              service: lookup(entry, 'backend', 'service', 'name'),
              port: lookup(entry, 'backend', 'service', 'port'),
            },
          ]
        : [],
    ),
  );
}

/** Ingress prefixes match whole path elements, so `/api/auth/` and `/api/auth` are one prefix. */
function elementsOf(path: string): string {
  return path.split('/').filter(Boolean).join('/');
}

/** Whether the Ingress entry would route a request for `path`. */
function matches(entry: IngressPath, path: string): boolean {
  if (entry.pathType === 'Exact') return entry.path === path;
  const prefix = elementsOf(entry.path);
  const requested = elementsOf(path);
  return prefix === '' || requested === prefix || requested.startsWith(`${prefix}/`);
}

function servesPort(services: readonly Manifest[], name: string, port: unknown): boolean {
  const service = services.find(({ resource }) => lookup(resource, 'metadata', 'name') === name);
  const wanted = isMapping(port) ? (port['name'] ?? port['number']) : undefined;
  return listOf(lookup(service?.resource, 'spec', 'ports')).some(
    (declared) =>
      isMapping(declared) && (declared['name'] === wanted || declared['port'] === wanted),
  );
}
