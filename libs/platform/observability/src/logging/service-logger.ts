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
      transport: settings.pretty && !settings.destination ? developmentLines : undefined,
    },
    // Asynchronous: a request never waits for its line to reach the terminal or the collector.
    // pino flushes what is buffered when the process exits.
    settings.destination ?? (settings.pretty ? undefined : pino.destination({ sync: false })),
  );
}

// `[10:21:03.120] INFO: auth-service GET /api/user 200 3.1ms 4f1c…`, formatted in pino's worker thread.
const developmentLines = {
  target: 'pino-pretty',
  options: {
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    messageFormat: '{service} {if context}[{context}] {end}{msg}{if requestId} {requestId}{end}',
    ignore:
      'pid,hostname,service,context,requestId,correlationId,causationId,method,path,status,durationMs',
  },
};
