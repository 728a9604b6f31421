/** The `source` of every event auth-service publishes on `auth.users`. */
export const EVENT_SOURCE = 'auth-service';
