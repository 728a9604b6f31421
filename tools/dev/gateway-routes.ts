/**
 * The gateway's routes, as `npm start` serves them. deploy/gateway/nginx.conf serves the same ones in
 * Compose and k8s/base/gateway-ingress.yaml in Kubernetes; a test keeps this table and nginx.conf
 * identical, and `npm run check:deploy` holds the Ingress to it.
 */
export interface GatewayRoute {
  /** nginx's `location ^~ path` (prefix) or `location = path` (exact). */
  match: 'prefix' | 'exact';
  path: string;
  service: string;
}

export const gatewayRoutes: readonly GatewayRoute[] = [
  { match: 'prefix', path: '/api/auth/', service: 'auth-service' },
  { match: 'prefix', path: '/api/users', service: 'auth-service' },
  { match: 'exact', path: '/api/user', service: 'auth-service' },
  { match: 'prefix', path: '/.well-known/', service: 'auth-service' },
  { match: 'prefix', path: '/api/profiles', service: 'blog-service' },
  { match: 'prefix', path: '/api/articles', service: 'blog-service' },
  { match: 'prefix', path: '/api/tags', service: 'blog-service' },
  { match: 'prefix', path: '/api/blog/', service: 'blog-service' },
  { match: 'prefix', path: '/graphql', service: 'blog-service' },
  { match: 'prefix', path: '/api/shortener/', service: 'shortener-service' },
  { match: 'prefix', path: '/s/', service: 'shortener-service' },
  { match: 'prefix', path: '/api/notifications/', service: 'notification-service' },
];

/** Paths the gateway refuses outright: service-to-service endpoints never face the outside. */
export const closedPrefixes: readonly string[] = ['/internal/'];

export function routeFor(path: string, routes = gatewayRoutes): GatewayRoute | undefined {
  if (closedPrefixes.some((prefix) => path.startsWith(prefix))) return undefined;
  return routes
    .filter((route) =>
      route.match === 'exact' ? path === route.path : path.startsWith(route.path),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
}
