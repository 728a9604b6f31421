import { Module } from '@nestjs/common';
import { MailPreferencesModule } from '../preferences/mail-preferences.module';
import { TransportModule } from '../transport/transport.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryRepository } from './delivery-repository';
import { PrismaDeliveryRepository } from './infrastructure/prisma-delivery-repository';
import { MailDispatcher } from './mail-dispatcher';

@Module({
  imports: [MailPreferencesModule, TransportModule],
  controllers: [DeliveriesController],
  providers: [MailDispatcher, { provide: DeliveryRepository, useClass: PrismaDeliveryRepository }],
  exports: [MailDispatcher, DeliveryRepository],
})
export class DeliveryModule {}
