import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import { MailPreferencesService } from '../preferences/mail-preferences.service';
import { renderMail, templateFor } from '../templates/template-catalog';
import { MailTransport, PermanentDeliveryFailure } from '../transport/mail-transport';
import { nextStep } from './delivery';
import { deliveryLatency, deliveryOutcomes, type DeliveryOutcome } from './delivery-metrics';
import { DeliveryRepository } from './delivery-repository';
import type { MailRequest } from './mail-request';

export interface DeliveryAttempt {
  /** No retry follows this one: a temporary failure now fails the delivery for good. */
  final: boolean;
}

/**
 * Turns a mail request into at most one email: it records the delivery (a no-op when the request
 * was seen before), honours the recipient's preferences, claims the delivery, sends it and records
 * the outcome. Throws the transport's failure so the caller's retry policy can act on it.
 */
@Injectable()
export class MailDispatcher {
  private readonly logger = new Logger(MailDispatcher.name);
  private readonly from: string;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly preferences: MailPreferencesService,
    private readonly transport: MailTransport,
    config: AppConfig<Environment>,
  ) {
    this.from = config.get('MAIL_FROM');
  }

  async dispatch(request: MailRequest, attempt: DeliveryAttempt): Promise<DeliveryOutcome> {
    const delivery = await this.deliveries.recordOrFind(request);

    const step = nextStep(delivery.status);
    if (step === 'settled') return this.count(request, 'duplicate');
    if (step === 'interrupted') {
      // An earlier attempt stopped mid-conversation: the server may have the message, so it is not resent.
      await this.deliveries.transition(delivery.id, 'sending', 'unconfirmed', {
        lastError: 'an earlier attempt was interrupted after handing the message to the server',
      });
      return this.count(request, 'unconfirmed');
    }

    if (!(await this.preferences.allow(request.to.userId, templateFor(request.template)))) {
      await this.deliveries.transition(delivery.id, 'pending', 'suppressed');
      return this.count(request, 'suppressed');
    }

    const message = renderMail(request);
    if (
      !(await this.deliveries.transition(delivery.id, 'pending', 'sending', { countAttempt: true }))
    ) {
      return this.count(request, 'duplicate');
    }
    try {
      const accepted = await this.transport.send({
        ...message,
        deliveryId: delivery.id,
        from: this.from,
        to: request.to.email,
      });
      const sentAt = new Date();
      await this.deliveries.transition(delivery.id, 'sending', 'sent', {
        providerMessageId: accepted.providerMessageId,
        sentAt,
        lastError: null,
      });
      deliveryLatency.observe(
        { template: request.template },
        (sentAt.getTime() - delivery.requestedAt.getTime()) / 1000,
      );
      return this.count(request, 'sent');
    } catch (error) {
      await this.recordFailure(request, error as Error, attempt);
      throw error;
    }
  }

  private async recordFailure(
    request: MailRequest,
    error: Error,
    { final }: DeliveryAttempt,
  ): Promise<void> {
    const giveUp = final || error instanceof PermanentDeliveryFailure;
    await this.deliveries.transition(request.deliveryId, 'sending', giveUp ? 'failed' : 'pending', {
      lastError: error.message,
    });
    this.logger.warn(
      `delivery ${request.deliveryId} (${request.template}) ${giveUp ? 'failed' : 'will be retried'}: ${error.message}`,
    );
    this.count(request, giveUp ? 'failed' : 'retried');
  }

  private count(request: MailRequest, outcome: DeliveryOutcome): DeliveryOutcome {
    deliveryOutcomes.inc({ template: request.template, outcome });
    return outcome;
  }
}
