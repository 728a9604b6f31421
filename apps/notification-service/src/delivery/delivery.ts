import type { MailTemplateName } from '../templates/mail-template';

export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'suppressed',
  'unconfirmed',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The job or event that asked for an email; its id is what makes the request idempotent. */
export interface DeliverySource {
  kind: 'job' | 'event';
  id: string;
}

/** One line of the delivery log: never the message body, which may hold a secret link. */
export interface Delivery {
  id: string;
  template: MailTemplateName;
  recipient: string;
  recipientUserId: string | null;
  source: DeliverySource;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  providerMessageId: string | null;
  requestedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

/**
 * The only moves a delivery can make. `sending` is written before the SMTP conversation starts, so
 * a delivery found still `sending` by a later attempt may already have been accepted by the server:
 * it becomes `unconfirmed` instead of being sent again (at most once, never a duplicate).
 */
const transitions: Readonly<Record<DeliveryStatus, readonly DeliveryStatus[]>> = {
  pending: ['sending', 'suppressed'],
  sending: ['sent', 'pending', 'failed', 'unconfirmed'],
  // The attempt that was thought lost can still report success; nothing else changes it.
  unconfirmed: ['sent'],
  sent: [],
  failed: [],
  suppressed: [],
};

export function canTransition(from: DeliveryStatus, to: DeliveryStatus): boolean {
  return transitions[from].includes(to);
}

/** What a run of a delivery's job does, given the status it finds the delivery in. */
export type NextStep = 'send' | 'settled' | 'interrupted';

export function nextStep(status: DeliveryStatus): NextStep {
  if (status === 'pending') return 'send';
  if (status === 'sending') return 'interrupted';
  return 'settled';
}
