import { ClicksRecorded, type RecordedClick } from '@capstone/contracts';
import { referrerHostOf, type VisitorAgents } from './visitor-agent';

/** Visits recorded since the last seal, one array per field, so the redirect path allocates no object. */
export interface RecordedVisits {
  readonly linkIds: readonly string[];
  readonly times: readonly number[];
  readonly userAgents: readonly (string | undefined)[];
  readonly referrers: readonly (string | undefined)[];
}

/** A batch ready for Kafka: its envelope, serialised once, so a retry or a spill sends the same bytes and id. */
export interface SealedBatch {
  id: string;
  clicks: number;
  value: string;
}

export interface BatchOrigin {
  source: string;
  /** The instance that served the visits. */
  subject: string;
}

/** Turns recorded visits into one `shortener.clicks.recorded` event: user agents parsed, referrers reduced to hosts. */
export function sealBatch(
  visits: RecordedVisits,
  agents: VisitorAgents,
  origin: BatchOrigin,
): SealedBatch {
  const clicks = visits.linkIds.map((linkId, index): RecordedClick => {
    const agent = agents.describe(visits.userAgents[index]);
    return {
      linkId,
      at: new Date(visits.times[index]).toISOString(),
      referrerHost: referrerHostOf(visits.referrers[index]),
      browser: agent.browser,
      os: agent.os,
      device: agent.device,
      bot: agent.bot,
    };
  });
  const event = ClicksRecorded.create({ ...origin, data: { clicks } });
  return { id: event.id, clicks: clicks.length, value: JSON.stringify(event) };
}
