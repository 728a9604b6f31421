import { Injectable } from '@nestjs/common';
import { SendMail, type SendMailJob } from '@capstone/contracts';
import { AppConfig } from '@capstone/platform/config';
import { JobProducer } from '@capstone/platform/queues';
import { v7 as uuidv7 } from 'uuid';
import type { User } from '../accounts/user';
import type { IssuedLink } from '../action-tokens/action-links';
import type { Environment } from '../config/environment';

/**
 * Emails about an account, as jobs on the `mail` queue: the only place a link secret travels.
 * The secret sits in the URL fragment, which browsers never send to a server or its logs.
 */
@Injectable()
export class AccountMailer {
  private readonly appUrl: string;

  constructor(
    private readonly jobs: JobProducer,
    config: AppConfig<Environment>,
  ) {
    this.appUrl = config.get('PUBLIC_APP_URL').replace(/\/$/, '');
  }

  sendEmailVerification(user: User, link: IssuedLink): Promise<void> {
    return this.send({
      ...this.envelope(user),
      template: 'email-verification',
      variables: {
        verificationUrl: `${this.appUrl}/verify-email#token=${link.token}`,
        expiresAt: link.expiresAt.toISOString(),
      },
    });
  }

  sendPasswordReset(user: User, link: IssuedLink): Promise<void> {
    return this.send({
      ...this.envelope(user),
      template: 'password-reset',
      variables: {
        resetUrl: `${this.appUrl}/reset-password#token=${link.token}`,
        expiresAt: link.expiresAt.toISOString(),
      },
    });
  }

  sendPasswordChanged(user: User, changedAt: Date): Promise<void> {
    return this.send({
      ...this.envelope(user),
      template: 'password-changed',
      variables: { changedAt: changedAt.toISOString() },
    });
  }

  private envelope(user: User) {
    return {
      deliveryId: uuidv7(),
      to: { email: user.email, userId: user.id, username: user.username },
    };
  }

  private async send(mail: SendMailJob): Promise<void> {
    await this.jobs.enqueue(SendMail, mail, { jobId: mail.deliveryId });
  }
}
