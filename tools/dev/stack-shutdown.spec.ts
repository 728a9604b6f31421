import { infraSettings, type InfraSettings } from '../infra/settings';
import { isListening } from '../infra/network';
import { quiet, scratchInfra, sparePort, type ScratchInfra } from '../infra/testing/scratch-infra';
import { startBanner } from './banner';
import { stopStack } from './stack-shutdown';

/**
 * What the banner promises about Ctrl-C, held against what Ctrl-C then does, on real servers: a
 * Redis of the test's own on a spare port, and the machine's Postgres, which capstone did not start.
 */
describe('Ctrl-C at the end of npm start', () => {
  const postgres = infraSettings().databaseUrl;
  let scratch: ScratchInfra;
  let settings: Partial<InfraSettings>;
  let redisPort: number;

  beforeEach(async () => {
    scratch = scratchInfra();
    redisPort = await sparePort();
    settings = {
      databaseUrl: postgres,
      redisUrl: new URL(`redis://127.0.0.1:${redisPort}`),
      dataDir: scratch.dataDir,
    };
  });

  afterEach(() => scratch.remove(), 90_000);

  const up = () =>
    scratch.up({ only: ['postgres', 'redis'], settings, prismaDir: scratch.prismaDir, log: quiet });
  const redisAnswers = () => isListening({ host: '127.0.0.1', port: redisPort });
  const postgresAnswers = () =>
    isListening({ host: postgres.hostname, port: Number(postgres.port || 5432) });

  it('stops what this run started, as the banner says, and leaves the server it found', async () => {
    const { statuses, startedNow } = await up();
    const banner = startBanner({ infra: statuses, startedNow, apps: [] }).join('\n');
    expect(banner).toMatch(/Ctrl-C stops redis /);
    expect(banner).toMatch(/postgres stays up: it is not capstone's/);

    expect(await stopStack({ startedNow }, { settings, log: quiet })).toEqual(['redis']);

    expect(await redisAnswers()).toBe(false);
    expect(await postgresAnswers()).toBe(true);
  }, 60_000);

  it('leaves up what capstone started before this run, as the banner says, until infra down', async () => {
    await up();
    const { statuses, startedNow } = await up();
    const banner = startBanner({ infra: statuses, startedNow, apps: [] }).join('\n');
    expect(banner).toMatch(
      /redis stays up: capstone started it before this run .* npm run infra -- down stops it/,
    );

    expect(await stopStack({ startedNow }, { settings, log: quiet })).toEqual([]);

    expect(await redisAnswers()).toBe(true);
  }, 60_000);
});
