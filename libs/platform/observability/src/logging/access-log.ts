import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

// Probes and scrapes arrive every few seconds and would drown the lines worth reading.
const unloggedPaths = /^\/(health\/(live|ready)|metrics)(\?|$)/;

/** Middleware: one line per finished request, at a level that follows its status. */
export function createAccessLog(logger: Logger) {
  return pinoHttp({
    logger,
    autoLogging: { ignore: (request: IncomingMessage) => unloggedPaths.test(request.url ?? '') },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
  });
}
