import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module';
import { WelcomeOnEmailVerified } from './auth-users/welcome-on-email-verified';
import { EventMail } from './event-mail';
import { SendMailJobHandler } from './send-mail.job-handler';

/**
 * Why email is sent: `mail` jobs, and the domain events listed here. A new reason (an order
 * receipt, a chat mention) is a template in templates/ and one handler in a folder named after
 * its topic, registered below.
 */
@Module({
  imports: [DeliveryModule],
  providers: [SendMailJobHandler, EventMail, WelcomeOnEmailVerified],
})
export class MailSourcesModule {}
