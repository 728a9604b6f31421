import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { AppLinks } from './app-links';
import { WelcomeOnEmailVerified } from './auth-users/welcome-on-email-verified';
import { AwaitingMailRepository } from './awaiting-mail-repository';
import { NewCommentOnCommentAdded } from './blog-articles/new-comment-on-comment-added';
import { NewFollowerOnUserFollowed } from './blog-articles/new-follower-on-user-followed';
import { EventMail } from './event-mail';
import { PrismaAwaitingMailRepository } from './infrastructure/prisma-awaiting-mail-repository';
import { RecipientMail } from './recipient-mail';
import { SendMailJobHandler } from './send-mail.job-handler';

/**
 * Why email is sent: `mail` jobs, and the domain events listed here. A new reason (an order
 * receipt, a chat mention) is a template in templates/ and one handler in a folder named after
 * its topic, registered below; an event that names its recipient by user id mails through
 * RecipientMail.
 */
@Module({
  imports: [DeliveryModule, RecipientsModule],
  providers: [
    SendMailJobHandler,
    EventMail,
    RecipientMail,
    AppLinks,
    { provide: AwaitingMailRepository, useClass: PrismaAwaitingMailRepository },
    WelcomeOnEmailVerified,
    NewCommentOnCommentAdded,
    NewFollowerOnUserFollowed,
  ],
})
export class MailSourcesModule {}
