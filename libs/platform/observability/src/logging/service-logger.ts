import { hostname } from 'node:os';
import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';
import { Correlation } from '../context/correlation';

export interface ServiceLoggerSettings {
  serviceName: string;
  level: LevelWithSilent;
  /** Human-readable lines for a developer's terminal instead of JSON. */
  pretty: boolean;
  /** Where JSON lines go; standard output when absent. */
  destination?: DestinationStream;
}

// Credentials must never reach a log line, wherever they appear in the logged object.
const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.*.password',
];

/** The one pino logger of a service; every line names the service and the request or event it serves. */
export function createServiceLogger(settings: ServiceLoggerSettings): Logger {
  return pino(
    {
      level: settings.level,
      base: { service: settings.serviceName, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Read at each call, so lines logged by consumers and background work carry their own ids too.
      mixin: () => {
        const context = Correlation.current();
        return context
          ? {
              requestId: context.requestId,
              correlationId: context.correlationId,
              causationId: context.causationId,
            }
          : {};
      },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      transport:
        settings.pretty && !settings.destination
          ? { target: 'pino-pretty', options: { singleLine: true, ignore: 'pid,hostname' } }
          : undefined,
    },
    settings.destination,
  );
}
