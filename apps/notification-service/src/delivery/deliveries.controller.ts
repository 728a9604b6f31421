import { Controller, Get, Query, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminOnly } from '@capstone/platform/auth';
import { DeliveryRepository } from './delivery-repository';
import { DeliverySearchQuery } from './dto/delivery-search.query';
import { DeliveryResponse } from './dto/delivery.response';

@AdminOnly()
@Controller({ path: 'api/notifications/v1/admin/deliveries', version: VERSION_NEUTRAL })
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveryRepository) {}

  @Get()
  @ApiOperation({ summary: 'The delivery log, newest first' })
  @ApiOkResponse({ type: [DeliveryResponse] })
  async search(
    @Query() { recipient, status, limit }: DeliverySearchQuery,
  ): Promise<DeliveryResponse[]> {
    return (await this.deliveries.search({ recipient, status, limit })).map(DeliveryResponse.of);
  }
}
