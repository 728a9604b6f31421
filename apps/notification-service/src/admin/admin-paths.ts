/** Every administrators-only route of notification-service lives under this path. */
export const ADMIN_PATH = '/api/notifications/v1/admin';

export function isAdminPath(path: string): boolean {
  return path === ADMIN_PATH || path.startsWith(`${ADMIN_PATH}/`);
}

/** A browser navigating to a page says so in Accept; API clients ask for JSON or anything. */
export function acceptsHtml(accept: string | undefined): boolean {
  return /\btext\/html\b/i.test(accept ?? '');
}
