import { Injectable } from '@nestjs/common';
import { ClicksRecorded } from '@capstone/contracts';
import { EventConsumer } from '@capstone/platform/events';
import { ClickCounters } from './click-counters';

/** Counts every batch on `shortener.clicks`; the counters commit with the batch's processed-event row. */
@Injectable()
export class ShortenerClicksConsumer {
  constructor(consumer: EventConsumer, counters: ClickCounters) {
    consumer.on(ClicksRecorded, (event) => counters.add(event.data.clicks));
  }
}
