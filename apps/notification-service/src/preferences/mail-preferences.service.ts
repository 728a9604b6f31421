import { Injectable } from '@nestjs/common';
import type { MailTemplate } from '../templates/mail-template';
import { MailPreferenceRepository } from './mail-preference-repository';
import { MailPreferences } from './mail-preferences';

@Injectable()
export class MailPreferencesService {
  constructor(private readonly preferences: MailPreferenceRepository) {}

  /** A recipient known only by address (no user id) cannot have opted out. */
  async of(userId: string | undefined): Promise<MailPreferences> {
    return (userId && (await this.preferences.find(userId))) || MailPreferences.defaults;
  }

  /** Essential mail goes out whatever was chosen, so the recipient's choice is read only for the rest. */
  async allow(
    userId: string | undefined,
    template: Pick<MailTemplate, 'essential'>,
  ): Promise<boolean> {
    if (template.essential) return true;
    return (await this.of(userId)).allows(template);
  }

  async change(userId: string, nonEssentialEmail: boolean): Promise<MailPreferences> {
    const preferences = new MailPreferences(nonEssentialEmail);
    await this.preferences.save(userId, preferences);
    return preferences;
  }
}
