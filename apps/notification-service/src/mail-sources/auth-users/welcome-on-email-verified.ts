import { Injectable } from '@nestjs/common';
import { UserEmailVerified, type EventOf } from '@capstone/contracts';
import { AppConfig } from '@capstone/platform/config';
import { EventConsumer } from '@capstone/platform/events';
import type { Environment } from '../../config/environment';
import { EventMail } from '../event-mail';

/** A confirmed address is a real person: welcome them (non-essential, so preferences may suppress it). */
@Injectable()
export class WelcomeOnEmailVerified {
  private readonly appUrl: string;

  constructor(
    consumer: EventConsumer,
    private readonly mail: EventMail,
    config: AppConfig<Environment>,
  ) {
    this.appUrl = config.get('PUBLIC_APP_URL');
    consumer.on(UserEmailVerified, (event) => this.welcome(event));
  }

  private welcome(event: EventOf<typeof UserEmailVerified>): Promise<void> {
    const { userId, username, email } = event.data;
    return this.mail.request(event, {
      template: 'welcome',
      to: { email, userId, username },
      variables: { appUrl: this.appUrl },
    });
  }
}
