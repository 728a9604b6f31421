import { z } from 'zod';
import { defineEvent } from '../../event-contract';

/**
 * `shortener.clicks`: visits of short links, published in batches by the instance that served
 * them. One event is one batch; its envelope id is the batch id, which makes counting it idempotent.
 */
export const SHORTENER_CLICKS_TOPIC = 'shortener.clicks';

/** Clicks in one batch at most: 1,000 of the largest fit well within Kafka's 1 MB message limit. */
export const CLICK_BATCH_MAX = 1_000;

/** One visit, as the redirect saw it; the user agent is already reduced to what statistics show. */
const click = z.object({
  linkId: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  /** The Referer's host name, lower case; null for a direct visit or an unreadable Referer. */
  referrerHost: z.string().min(1).max(253).nullable(),
  /** Names from ua-parser-js, e.g. Chrome, Mobile Safari; null when it recognised none. */
  browser: z.string().min(1).max(64).nullable(),
  os: z.string().min(1).max(64).nullable(),
  /** ua-parser-js's device type (mobile, tablet, console, smarttv, wearable, embedded, …) or desktop. */
  device: z.string().min(1).max(32),
  /** isbot's verdict on the user agent: bots are counted apart from people. */
  bot: z.boolean(),
});

export const ClicksRecorded = defineEvent({
  topic: SHORTENER_CLICKS_TOPIC,
  type: 'shortener.clicks.recorded',
  version: 1,
  schema: z.object({ clicks: z.array(click).min(1).max(CLICK_BATCH_MAX) }),
});

export type RecordedClick = z.output<typeof click>;

export const shortenerClicksEvents = [ClicksRecorded] as const;
