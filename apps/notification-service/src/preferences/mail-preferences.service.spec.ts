import { MailPreferenceRepository } from './mail-preference-repository';
import { MailPreferences } from './mail-preferences';
import { MailPreferencesService } from './mail-preferences.service';

/** Remembers one user's choice and counts how often it is read. */
class CountingRepository extends MailPreferenceRepository {
  reads = 0;

  constructor(private readonly stored: MailPreferences | null) {
    super();
  }

  async find(): Promise<MailPreferences | null> {
    this.reads += 1;
    return this.stored;
  }

  async save(): Promise<void> {
    return undefined;
  }
}

describe('mail preferences', () => {
  const essential = { essential: true };
  const nonEssential = { essential: false };

  it('withholds non-essential mail from a user who opted out', async () => {
    const service = new MailPreferencesService(new CountingRepository(new MailPreferences(false)));
    expect(await service.allow('user-1', nonEssential)).toBe(false);
  });

  it('sends essential mail to a user who opted out without reading their choice', async () => {
    const repository = new CountingRepository(new MailPreferences(false));
    const service = new MailPreferencesService(repository);
    expect(await service.allow('user-1', essential)).toBe(true);
    expect(repository.reads).toBe(0);
  });

  it('sends everything to a recipient known only by address', async () => {
    const repository = new CountingRepository(new MailPreferences(false));
    const service = new MailPreferencesService(repository);
    expect(await service.allow(undefined, nonEssential)).toBe(true);
    expect(repository.reads).toBe(0);
  });
});
