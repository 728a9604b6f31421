import {
  type DynamicModule,
  type FactoryProvider,
  Module,
  type ModuleMetadata,
  type OnModuleInit,
} from '@nestjs/common';
import { AppConfig, type PlatformEnvironment } from '@capstone/platform/config';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, Logger } from 'pino';
import type { DependencyCheck } from './health/dependency-check';
import { HealthController } from './health/health.controller';
import { DEPENDENCY_CHECKS, READINESS_TIMINGS, Readiness } from './health/readiness';
import { HttpTelemetry } from './http/http-telemetry';
import { createServiceLogger } from './logging/service-logger';
import { SERVICE_LOGGER } from './logging/service-logger.token';
import { MetricsController } from './metrics/metrics.controller';
import { Metrics } from './metrics/metrics';

export interface ReadinessOptions {
  /** Modules that provide what `inject` names, unless they are global. */
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  /** Builds the checks from the service's own clients, e.g. `[postgresCheck(...), redisCheck(redis)]`. */
  useFactory: (...dependencies: never[]) => DependencyCheck[] | Promise<DependencyCheck[]>;
  /** How long one check may take before its dependency counts as down (2 s). */
  timeoutMs?: number;
  /** How long one round of checks answers every probe (1 s). */
  cacheMs?: number;
}

export interface ObservabilityOptions {
  /** Stamped on every log line as `service`. */
  serviceName: string;
  /** The real dependencies `/health/ready` checks; none when absent. */
  readiness?: ReadinessOptions;
  /** Where JSON log lines go instead of standard output, e.g. a test's capture. */
  logDestination?: DestinationStream;
}

/**
 * Logs, health and metrics for one service. Reads `NODE_ENV` and `LOG_LEVEL` from `AppConfig`,
 * so the service's schema must include `platformEnvironment(...)`.
 */
@Module({})
export class ObservabilityModule implements OnModuleInit {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const serviceLogger: FactoryProvider<Logger> = {
      provide: SERVICE_LOGGER,
      inject: [AppConfig],
      useFactory: (config: AppConfig<PlatformEnvironment>) =>
        createServiceLogger({
          serviceName: options.serviceName,
          level: config.get('LOG_LEVEL'),
          pretty: config.get('NODE_ENV') === 'development',
          destination: options.logDestination,
        }),
    };
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        ...(options.readiness?.imports ?? []),
        LoggerModule.forRootAsync({
          inject: [SERVICE_LOGGER],
          // Requests are logged by HttpTelemetry, mounted ahead of body parsing; nestjs-pino
          // mounts no middleware of its own and only carries Nest's Logger over to pino.
          useFactory: (logger: Logger) => ({ pinoHttp: { logger }, forRoutes: [] }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        serviceLogger,
        {
          provide: DEPENDENCY_CHECKS,
          inject: options.readiness?.inject ?? [],
          useFactory: options.readiness?.useFactory ?? (() => []),
        },
        {
          provide: READINESS_TIMINGS,
          useValue: {
            timeoutMs: options.readiness?.timeoutMs ?? 2000,
            cacheMs: options.readiness?.cacheMs ?? 1000,
          },
        },
        Readiness,
        HttpTelemetry,
      ],
      exports: [SERVICE_LOGGER, Readiness, HttpTelemetry],
    };
  }

  onModuleInit(): void {
    Metrics.collectNodeMetrics();
  }
}
