import type { Delivery, DeliveryStatus } from './delivery';
import type { MailRequest } from './mail-request';

export interface DeliveryChanges {
  lastError?: string | null;
  providerMessageId?: string;
  sentAt?: Date;
  /** Counts one more attempt at the SMTP conversation. */
  countAttempt?: boolean;
}

export interface DeliverySearch {
  recipient?: string;
  status?: DeliveryStatus;
  limit: number;
}

/** The delivery log. Every method joins the ambient transaction when one is open. */
export abstract class DeliveryRepository {
  /** Records the request unless a delivery with its id exists: the first request wins, later ones are no-ops. */
  abstract record(request: MailRequest): Promise<void>;
  /** The delivery this request asks for: recorded now, or as the first request with its id recorded it. */
  abstract recordOrFind(request: MailRequest): Promise<Delivery>;
  /** Moves `from` → `to` only if the delivery is still `from`; false when another attempt moved it first. */
  abstract transition(
    id: string,
    from: DeliveryStatus,
    to: DeliveryStatus,
    changes?: DeliveryChanges,
  ): Promise<boolean>;
  /** Newest first. */
  abstract search(search: DeliverySearch): Promise<Delivery[]>;
}
