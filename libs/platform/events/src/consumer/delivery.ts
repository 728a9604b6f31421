import {
  ContractViolation,
  findEventContract,
  type EventContract,
  type EventEnvelope,
} from '@capstone/contracts';

/** What a received message turned out to be, before any handler runs. */
export type Delivery =
  | { kind: 'event'; contract: EventContract; event: EventEnvelope }
  | { kind: 'unknown_type'; type: string }
  | { kind: 'poisoned'; reason: string };

/**
 * Unknown types are a producer running ahead of this consumer's contracts: skipped, not failed.
 * Anything else that does not parse is a poisoned message, which no retry can fix.
 */
export function readDelivery(value: Buffer | null): Delivery {
  let raw: unknown;
  try {
    raw = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    return { kind: 'poisoned', reason: 'the message value is not JSON' };
  }
  const { type, version } = (raw ?? {}) as { type?: unknown; version?: unknown };
  if (typeof type !== 'string' || typeof version !== 'number') {
    return {
      kind: 'poisoned',
      reason: 'the message is not an event envelope (no type and version)',
    };
  }
  const contract = findEventContract(type, version);
  if (!contract) return { kind: 'unknown_type', type: `${type}@v${version}` };
  try {
    return { kind: 'event', contract, event: contract.parse(raw) };
  } catch (error) {
    if (error instanceof ContractViolation) return { kind: 'poisoned', reason: error.message };
    throw error;
  }
}
