import { ContractViolation } from './contract-error';
import type { EventEnvelope } from './envelope';
import type { EventContract } from './event-contract';
import type { JobContract } from './job-contract';
import { SendMail } from './queues/mail';
import { MakeThumbnails } from './queues/media';
import { authUsersEvents } from './topics/auth-users';
import { blogArticlesEvents } from './topics/blog-articles';
import { shortenerClicksEvents } from './topics/shortener-clicks';

/** Every event the system may publish. A topic or type not listed here does not exist. */
export const eventContracts: readonly EventContract[] = [
  ...authUsersEvents,
  ...blogArticlesEvents,
  ...shortenerClicksEvents,
];

/** Every queued job the system may enqueue. */
export const jobContracts: readonly JobContract[] = [SendMail, MakeThumbnails];

export const topics: readonly string[] = [
  ...new Set(eventContracts.map((contract) => contract.topic)),
];

export function findEventContract(type: string, version: number): EventContract | undefined {
  return eventContracts.find((contract) => contract.type === type && contract.version === version);
}

/** The registered contract of an envelope's type and version; an unknown one is a violation. */
export function eventContractFor(raw: unknown): EventContract {
  const { type, version } = (raw ?? {}) as { type?: unknown; version?: unknown };
  const contract =
    typeof type === 'string' && typeof version === 'number'
      ? findEventContract(type, version)
      : undefined;
  if (!contract) {
    throw new ContractViolation(`${String(type)}@v${String(version)}`, [
      { path: 'type', message: 'is not a registered event type and version' },
    ]);
  }
  return contract;
}

/** Validates any envelope against its registered contract; unknown types are a violation. */
export function parseEvent(raw: unknown): EventEnvelope {
  return eventContractFor(raw).parse(raw);
}
