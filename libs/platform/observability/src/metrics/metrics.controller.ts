import { Controller, Get, Header, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OperationalEndpoint } from '../operational-endpoint';
import { register } from 'prom-client';

@ApiExcludeController()
@OperationalEndpoint()
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  /** Prometheus text format of everything on the default registry. */
  @Get()
  @Header('Content-Type', register.contentType)
  scrape(): Promise<string> {
    return register.metrics();
  }
}
