/**
 * The scopes a personal API key needs here. auth-service issues keys with any `resource:action`;
 * an access token acts with its user's full rights.
 */
export const LINKS_READ = 'links:read';
export const LINKS_WRITE = 'links:write';
