/** Injection token of the service's root pino logger. */
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
