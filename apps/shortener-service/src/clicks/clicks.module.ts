import { Module } from '@nestjs/common';
import { ClickCounters } from './click-counters';
import { ClickPublisher } from './click-publisher';
import { ClickRetention } from './click-retention';
import { ClickSpill } from './click-spill';
import { ShortenerClicksConsumer } from './shortener-clicks.consumer';

/** A click's way from the redirect to the counters: recorded, batched to Kafka, counted by the consumer. */
@Module({
  providers: [ClickPublisher, ClickSpill, ClickCounters, ShortenerClicksConsumer, ClickRetention],
  exports: [ClickPublisher],
})
export class ClicksModule {}
