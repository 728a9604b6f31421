import { Injectable } from '@nestjs/common';
import { UserEmailVerified, type EventOf } from '@capstone/contracts';
import { AppConfig } from '@capstone/platform/config';
import { EventConsumer } from '@capstone/platform/events';
import type { Environment } from '../../config/environment';
import type { Prisma } from '../../generated/prisma/client';
import { EventMail } from '../event-mail';

/** A confirmed address is a real person: welcome them (non-essential, so preferences may suppress it). */
@Injectable()
export class WelcomeOnEmailVerified {
  private readonly appUrl: string;

  constructor(
    consumer: EventConsumer<Prisma.TransactionClient>,
    private readonly mail: EventMail,
    config: AppConfig<Environment>,
  ) {
    this.appUrl = config.get('PUBLIC_APP_URL');
    consumer.on(UserEmailVerified, (event, tx) => this.welcome(event, tx));
  }

  private welcome(
    event: EventOf<typeof UserEmailVerified>,
    tx: Prisma.TransactionClient,
  ): Promise<void> {
    const { userId, username, email } = event.data;
    return this.mail.request(event, tx, {
      template: 'welcome',
      to: { email, userId, username },
      variables: { appUrl: this.appUrl },
    });
  }
}
