import type { SendMailJob } from '@capstone/contracts';
import { emailVerificationTemplate } from './email-verification.template';
import { withLayout } from './layout';
import type { MailOf, MailTemplate, MailTemplateName, RenderedMail } from './mail-template';
import { newCommentTemplate } from './new-comment.template';
import { newFollowerTemplate } from './new-follower.template';
import { passwordChangedTemplate } from './password-changed.template';
import { passwordResetTemplate } from './password-reset.template';
import { welcomeTemplate } from './welcome.template';

type Catalog = { readonly [TName in MailTemplateName]: MailTemplate<TName> };

/** One entry per template in the `mail` contract: a template added there fails to compile until it has a file here. */
const catalog: Catalog = {
  'email-verification': emailVerificationTemplate,
  'password-reset': passwordResetTemplate,
  'password-changed': passwordChangedTemplate,
  welcome: welcomeTemplate,
  'new-comment': newCommentTemplate,
  'new-follower': newFollowerTemplate,
};

export const templateNames = Object.keys(catalog) as MailTemplateName[];

export function templateFor(name: MailTemplateName): MailTemplate {
  return catalog[name] as MailTemplate;
}

export function isTemplateName(name: string): name is MailTemplateName {
  return Object.hasOwn(catalog, name);
}

/** Subject, text and HTML of one mail job's message, every variable escaped in the HTML. */
export function renderMail(mail: Pick<SendMailJob, 'template' | 'to' | 'variables'>): RenderedMail {
  return withLayout(templateFor(mail.template).compose(mail as MailOf<MailTemplateName>));
}
