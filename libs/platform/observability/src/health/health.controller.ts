import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OperationalEndpoint } from '../operational-endpoint';
import { Readiness } from './readiness';

@ApiExcludeController()
@OperationalEndpoint()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  /** The process answers. Dependencies are left out on purpose: an outage must not restart every pod. */
  @Get('live')
  live(): { status: 'alive' } {
    return { status: 'alive' };
  }

  /** 200 while every required dependency answers (tolerated ones that do not are `degraded`), otherwise 503. */
  @Get('ready')
  async ready(): Promise<Response> {
    const report = await this.readiness.check();
    return Response.json(report, { status: report.status === 'ready' ? 200 : 503 });
  }
}
