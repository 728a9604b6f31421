import { Injectable } from '@nestjs/common';
import { UserEmailVerified, type EventOf } from '@capstone/contracts';
import { EventConsumer } from '@capstone/platform/events';
import { AppLinks } from '../app-links';
import { EventMail } from '../event-mail';

/** A confirmed address is a real person: welcome them (non-essential, so preferences may suppress it). */
@Injectable()
export class WelcomeOnEmailVerified {
  constructor(
    consumer: EventConsumer,
    private readonly mail: EventMail,
    private readonly links: AppLinks,
  ) {
    consumer.on(UserEmailVerified, (event) => this.welcome(event));
  }

  private welcome(event: EventOf<typeof UserEmailVerified>): Promise<void> {
    const { userId, username, email } = event.data;
    return this.mail.request(event, {
      template: 'welcome',
      to: { email, userId, username },
      variables: { appUrl: this.links.home },
    });
  }
}
