/** A rendered email on its way out; `deliveryId` becomes its Message-ID. */
export interface OutgoingMail {
  deliveryId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface AcceptedMail {
  providerMessageId: string;
}

/** The server said no for good (SMTP 5xx): sending the same message again cannot succeed. */
export class PermanentDeliveryFailure extends Error {}

/** The server could not take the message now (SMTP 4xx, no connection): a later attempt may succeed. */
export class TemporaryDeliveryFailure extends Error {}

/** Where email leaves the service. `send` throws PermanentDeliveryFailure or TemporaryDeliveryFailure. */
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<AcceptedMail>;
  /** Resolves when the transport can take mail now; readiness asks it. */
  abstract verify(): Promise<void>;
}
