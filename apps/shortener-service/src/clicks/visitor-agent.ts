import { isbot } from 'isbot';
import { UAParser } from 'ua-parser-js';

/** What statistics show of a visitor's user agent. */
export interface VisitorAgent {
  browser: string | null;
  os: string | null;
  /** ua-parser-js's device type, desktop for a recognised agent that names none, unknown otherwise. */
  device: string;
  bot: boolean;
}

// What parsers look at comes first; a longer agent is padding, and would make the memo costly.
const USER_AGENT_MAX_LENGTH = 512;
const NAME_MAX_LENGTH = 64;
const HOST_MAX_LENGTH = 253;

/**
 * Reads user agents with ua-parser-js and isbot, remembering the latest few thousand: visitors
 * share a handful of agents, so most clicks cost a map lookup instead of a parse.
 */
export class VisitorAgents {
  private readonly known = new Map<string, VisitorAgent>();

  constructor(private readonly capacity = 5_000) {}

  describe(userAgent: string | undefined): VisitorAgent {
    const agent = (userAgent ?? '').slice(0, USER_AGENT_MAX_LENGTH);
    const remembered = this.known.get(agent);
    if (remembered) return remembered;
    const described = parse(agent);
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (this.known.size >= this.capacity) this.known.delete(this.known.keys().next().value!);
    this.known.set(agent, described);
    return described;
  }
}

function parse(agent: string): VisitorAgent {
  const { browser, os, device } = UAParser(agent);
  const recognised = browser.name !== undefined || os.name !== undefined;
  return {
    browser: nameOf(browser.name),
    os: nameOf(os.name),
    device: device.type ?? (recognised ? 'desktop' : 'unknown'),
    bot: isbot(agent),
  };
}

function nameOf(name: string | undefined): string | null {
  return name ? name.slice(0, NAME_MAX_LENGTH) : null;
}

/** The host a visitor came from, from their Referer; null for a direct visit or one that does not parse. */
export function referrerHostOf(referer: string | undefined): string | null {
  if (!referer) return null;
  try {
    const host = new URL(referer).hostname;
    return host.length > 0 && host.length <= HOST_MAX_LENGTH ? host : null;
  } catch {
    return null;
  }
}
