import type { MailTemplate } from '../templates/mail-template';

/** What one user agreed to receive. Everyone receives everything until they opt out. */
export class MailPreferences {
  static readonly defaults = new MailPreferences(true);

  constructor(readonly nonEssentialEmail: boolean) {}

  /** Essential mail (security, account recovery) is never suppressed, whatever was chosen. */
  allows(template: Pick<MailTemplate, 'essential'>): boolean {
    return template.essential || this.nonEssentialEmail;
  }
}
