import { Module } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import { DevelopmentMailbox } from '../mailbox/development-mailbox';
import { MailboxTransport } from '../mailbox/mailbox-transport';
import { MailboxModule } from '../mailbox/mailbox.module';
import { SmtpTransport } from './infrastructure/smtp-transport';
import { MailTransport } from './mail-transport';

/** SMTP when SMTP_URL is set; otherwise (never in production, the config insists) the development mailbox. */
@Module({
  imports: [MailboxModule],
  providers: [
    {
      provide: MailTransport,
      inject: [AppConfig, DevelopmentMailbox],
      useFactory: (config: AppConfig<Environment>, mailbox: DevelopmentMailbox) => {
        const smtpUrl = config.get('SMTP_URL');
        return smtpUrl ? new SmtpTransport(smtpUrl) : new MailboxTransport(mailbox);
      },
    },
  ],
  exports: [MailTransport],
})
export class TransportModule {}
