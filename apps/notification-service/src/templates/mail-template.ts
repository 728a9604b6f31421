import type { MailTemplate as MailTemplateName, SendMailJob } from '@capstone/contracts';
import type { SafeHtml } from './html';

export type { MailTemplateName };

/** One `mail` job's recipient and variables, narrowed to a template. */
export type MailOf<TName extends MailTemplateName> = Pick<
  Extract<SendMailJob, { template: TName }>,
  'to' | 'variables'
>;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What a template writes; the layout wraps `html` into a complete document. */
export interface TemplateContent {
  subject: string;
  text: string;
  html: SafeHtml;
}

/** An email: its subject, a plain-text part and an HTML part, from typed variables. */
export interface MailTemplate<TName extends MailTemplateName = MailTemplateName> {
  name: TName;
  /** Essential mail (security, account recovery) goes out whatever the recipient opted out of. */
  essential: boolean;
  compose(mail: MailOf<TName>): TemplateContent;
  /** Realistic variables for the admin preview. */
  sample: MailOf<TName>['variables'];
}
