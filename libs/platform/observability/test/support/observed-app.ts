import { Body, Controller, Get, Logger, Module, Param, Post } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { PlatformConfigModule, platformEnvironment } from '@capstone/platform/config';
import { z } from 'zod';
import { applyObservability, ObservabilityModule, type ReadinessOptions } from '../../src';
import type { LogCapture } from './log-capture';

@Controller('widgets')
class WidgetsController {
  private readonly logger = new Logger(WidgetsController.name);

  @Get(':id')
  find(@Param('id') id: string): { id: string } {
    this.logger.log(`looking up widget ${id}`);
    return { id };
  }

  /** Takes longer than the slow-request threshold tests set. */
  @Get('slow/:ms')
  async slow(@Param('ms') ms: string): Promise<{ waited: number }> {
    await new Promise((resolve) => setTimeout(resolve, Number(ms)));
    return { waited: Number(ms) };
  }

  @Post()
  create(@Body() body: Record<string, unknown>): Record<string, unknown> {
    this.logger.log({ body }, 'creating widget');
    return body;
  }
}

/** A tiny service: one controller, the observability module, and whatever readiness checks a test declares. */
export async function startObservedApp(
  logs: LogCapture,
  readiness?: ReadinessOptions,
): Promise<NestFastifyApplication> {
  @Module({
    imports: [
      PlatformConfigModule.forRoot(z.object(platformEnvironment(3000))),
      ObservabilityModule.forRoot({
        serviceName: 'widget-service',
        readiness,
        logDestination: logs,
      }),
    ],
    controllers: [WidgetsController],
  })
  class WidgetModule {}

  const moduleRef = await Test.createTestingModule({ imports: [WidgetModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  applyObservability(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
