import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from '../../infra/poll';
import { repoRoot } from '../../workspace/paths';
import { logIn, registerAccount } from '../auth/accounts';
import { authServiceRun, startAuthService } from '../auth-service-process';
import { createBenchDatabase } from '../bench-database';
import { ensureInfrastructure } from '../built-service';
import { measureWindow, warmUp, type LoadResult, type LoadSettings } from '../http-load';
import { measurePaced } from '../paced-load';
import { machine, measuredCommit, type Machine } from '../measured-on';
import { RunningServices } from '../running-services';
import { startServiceProcess, type ServiceProcess } from '../service-process';
import {
  bundleLocator,
  readOnlyProfile,
  summariseProfile,
  type ProfileSummary,
  type ProfileWindow,
} from './cpu-profile';
import { linksToEnvironment, READY_PATH } from './redirect-links';
import { startShortenerService, type ShortenerServiceRun } from './shortener-service-process';
import {
  countedClicks,
  createLink,
  expectRedirect,
  redirectPath,
  VISITOR_HEADERS,
  type ClickCount,
  type ShortLink,
} from './short-links';

export interface ShortenerBenchmarkOptions extends LoadSettings {
  /** The offered rate of the latency run, in requests a second over all connections. */
  fixedRate: number;
  /** How long the counted clicks may take to reach the stats API after the last redirect. */
  clicksWithinMs: number;
}

/** The load for the redirect: 100 keep-alive connections. */
export const REDIRECT_CONNECTIONS = 100;

/** The paced latency run offers its rate in this many evenly spaced pulses a second (see measurePaced). */
export const PULSES_PER_SECOND = 20;

export const TARGETS = {
  /** Shortener redirects a second over the bare server's, in the same run. */
  ratio: 0.6,
  /** p99 at the fixed offered rate, paced over the second. */
  fixedRateP99Ms: 5,
  /** Peak resident memory of the shortener under load. */
  residentBytes: 200 * 2 ** 20,
} as const;

export interface RedirectTarget extends LoadResult {
  name: string;
  path: string;
  /** requestsPerSecond over the bare server's. */
  overBare: number;
  /** The server process's CPU time (user and kernel, all threads) over the window, per request. */
  cpuUsPerRequest: number;
}

export interface FixedRateTarget extends LoadResult {
  name: string;
  offeredRate: number;
}

/** The fixed-rate window's link: every one of its requests was answered, so the redirects are exact. */
export interface ClickCheck {
  /** autocannon's 302s, plus the one visit that checked the link. */
  redirects: number;
  counted: ClickCount;
}

export interface ShortenerBenchmarkReport {
  measuredAt: string;
  options: ShortenerBenchmarkOptions;
  machine: Machine;
  commit: string;
  bare: RedirectTarget;
  /** Production's log level. */
  shortener: RedirectTarget;
  /** The same build restarted under `--cpu-prof`, on a link of its own: the profile's window. */
  shortenerProfiled: RedirectTarget;
  /** The same build restarted at LOG_LEVEL=warn: no access line. */
  shortenerQuiet: RedirectTarget;
  bareAtFixedRate: FixedRateTarget;
  shortenerAtFixedRate: FixedRateTarget;
  /** The same offered rate in evenly spaced pulses: the target's p99. */
  bareAtPacedRate: FixedRateTarget;
  shortenerAtPacedRate: FixedRateTarget;
  /** Peak VmRSS of the LOG_LEVEL=info shortener, sampled through its two measured windows. */
  peakResidentBytes: number;
  clicks: ClickCheck;
  /** The profiled shortener over its measured window. */
  profile: ProfileSummary & { requests: number };
  targets: typeof TARGETS;
}

export type Progress = (line: string) => void;

const BUNDLE = join(repoRoot, 'dist/apps/shortener-service/main.js');
const tsconfig = join(repoRoot, 'tsconfig.scripts.json');
const RESIDENT_SAMPLE_MS = 250;

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Samples the process's VmRSS until `work` settles; resolves to the work's result and the peak. */
async function withPeakResident<T>(
  service: ServiceProcess,
  work: () => Promise<T>,
): Promise<{ result: T; peakBytes: number }> {
  let peakBytes = await service.residentBytes();
  const sampler = setInterval(() => {
    void service.residentBytes().then(
      (bytes) => (peakBytes = Math.max(peakBytes, bytes)),
      () => undefined,
    );
  }, RESIDENT_SAMPLE_MS);
  try {
    const result = await work();
    peakBytes = Math.max(peakBytes, await service.residentBytes());
    return { result, peakBytes };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * One run on 127.0.0.1: a bare node:http server answering 302 from a Map, and shortener-service's
 * production bundle redirecting cached links through the whole platform, each in a process of its
 * own under autocannon, its memory sampled and the clicks it recorded compared with the redirects
 * it answered; then restarted under `--cpu-prof` for a profile, and at LOG_LEVEL=warn.
 */
export async function runShortenerBenchmark(
  options: ShortenerBenchmarkOptions,
  progress: Progress = () => undefined,
): Promise<ShortenerBenchmarkReport> {
  progress('infrastructure: ensuring Postgres, Redis and Kafka');
  const releaseInfrastructure = await ensureInfrastructure();
  const profileDirectory = mkdtempSync(join(tmpdir(), 'shortener-profile-'));
  try {
    const [authDatabase, shortenerDatabase] = await Promise.all([
      createBenchDatabase('auth'),
      createBenchDatabase('shortener'),
    ]);
    const run: ShortenerServiceRun = {
      databaseUrl: shortenerDatabase.url,
      auth: authServiceRun(authDatabase.url),
    };
    const services = new RunningServices(progress);
    const measure = async (name: string, url: string, settings: LoadSettings) => {
      const result = await measureWindow({ url, headers: VISITOR_HEADERS, status: 302 }, settings);
      progress(
        `${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
      );
      return result;
    };
    const saturating = { ...options, overallRate: undefined };
    const atFixedRate = { ...saturating, overallRate: options.fixedRate };
    try {
      const auth = await services.start('auth-service', startAuthService(run.auth));
      const { accessToken } = await logIn(auth.url, await registerAccount(auth.url));
      const shortener = await services.start(
        'shortener-service (LOG_LEVEL=info)',
        startShortenerService(run, auth, { logLevel: 'info' }),
      );
      // One link per measured window, so each window's redirects can be matched with its clicks.
      const link = (name: string) =>
        createLink(shortener.url, accessToken, `https://example.com/bench/${name}`);
      const links = {
        warmUp: await link('warm-up'),
        saturating: await link('saturating'),
        fixedRate: await link('fixed-rate'),
        paced: await link('paced'),
        profiled: await link('profiled'),
        quiet: await link('quiet'),
      };
      const bareServer = await services.start(
        'bare node:http',
        startServiceProcess(
          join(__dirname, 'bare-redirect-server.ts'),
          tsconfig,
          linksToEnvironment(
            new Map(Object.values(links).map(({ code, targetUrl }) => [code, targetUrl])),
          ),
          { readyPath: READY_PATH },
        ),
      );
      const urlOf = (service: ServiceProcess, { code }: ShortLink) =>
        service.url + redirectPath(code);
      // Each check visit caches its link in the process that answers it, and counts as a click.
      for (const each of Object.values(links))
        await expectRedirect(urlOf(bareServer, each), each.targetUrl);
      for (const each of [links.warmUp, links.saturating, links.fixedRate, links.paced])
        await expectRedirect(urlOf(shortener, each), each.targetUrl);

      const saturate = async (name: string, service: ServiceProcess, measured: ShortLink) => {
        progress(
          `${name}: ${options.warmUpSeconds} s warm-up, ${options.durationSeconds} s measured`,
        );
        await warmUp(
          { url: urlOf(service, links.warmUp), headers: VISITOR_HEADERS, status: 302 },
          saturating,
        );
        const cpuBefore = await service.cpuSeconds();
        const window: ProfileWindow = { fromUs: nowUs(), toUs: 0 };
        const result = await measure(name, urlOf(service, measured), saturating);
        window.toUs = nowUs();
        const cpuUsPerRequest =
          (((await service.cpuSeconds()) - cpuBefore) * 1e6) / result.requests;
        progress(`${name}: ${cpuUsPerRequest.toFixed(1)} µs of CPU a request`);
        return { result: { ...result, cpuUsPerRequest }, window };
      };
      const bare = await saturate('bare node:http', bareServer, links.saturating);
      const saturated = await withPeakResident(shortener, () =>
        saturate('shortener-service', shortener, links.saturating),
      );
      progress(`fixed rate: ${options.fixedRate} req/s for ${options.durationSeconds} s each`);
      const bareAtFixedRate = await measure(
        'bare node:http at fixed rate',
        urlOf(bareServer, links.fixedRate),
        atFixedRate,
      );
      const fixed = await withPeakResident(shortener, () =>
        measure('shortener-service at fixed rate', urlOf(shortener, links.fixedRate), atFixedRate),
      );
      const paced = {
        connections: options.connections,
        rate: options.fixedRate,
        durationSeconds: options.durationSeconds,
        pulsesPerSecond: PULSES_PER_SECOND,
      };
      const measurePacedRate = async (name: string, service: ServiceProcess) => {
        const result = await measurePaced(
          { url: urlOf(service, links.paced), headers: VISITOR_HEADERS, status: 302 },
          paced,
        );
        progress(`${name} paced: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
        return result;
      };
      const bareAtPacedRate = await measurePacedRate('bare node:http', bareServer);
      const pacedShortener = await withPeakResident(shortener, () =>
        measurePacedRate('shortener-service', shortener),
      );
      // SIGTERM: the shutdown flushes the click buffer to Kafka.
      await shortener.stop();

      // A process of its own, so the sampler's cost stays out of the figures above.
      const profiledShortener = await services.start(
        'shortener-service (LOG_LEVEL=info, --cpu-prof)',
        startShortenerService(run, auth, {
          logLevel: 'info',
          cpuProfileDirectory: profileDirectory,
        }),
      );
      await expectRedirect(urlOf(profiledShortener, links.profiled), links.profiled.targetUrl);
      const profiled = await saturate(
        'shortener-service, profiled',
        profiledShortener,
        links.profiled,
      );
      // --cpu-prof writes the profile as the process exits.
      await profiledShortener.stop();

      const quietShortener = await services.start(
        'shortener-service (LOG_LEVEL=warn)',
        startShortenerService(run, auth, { logLevel: 'warn' }),
      );
      await expectRedirect(urlOf(quietShortener, links.quiet), links.quiet.targetUrl);
      const quiet = await saturate(
        'shortener-service, LOG_LEVEL=warn',
        quietShortener,
        links.quiet,
      );

      progress('clicks: waiting for the stats API to count every redirect');
      const redirects = fixed.result.requests + 1;
      const read = () => countedClicks(quietShortener.url, accessToken, links.fixedRate.id);
      let counted = await read();
      // Polled: aggregation runs behind Kafka and is only observable through the stats API.
      await pollUntil(
        async () => {
          counted = await read();
          return typeof counted !== 'number' || counted >= redirects;
        },
        { timeoutMs: options.clicksWithinMs, intervalMs: 500 },
      );
      progress(`clicks: ${String(counted)} counted of ${redirects} redirects`);

      const profile = readOnlyProfile(profileDirectory);
      const relative = (
        name: string,
        path: string,
        result: LoadResult & { cpuUsPerRequest: number },
      ): RedirectTarget => ({
        name,
        path,
        ...result,
        overBare: result.requestsPerSecond / bare.result.requestsPerSecond,
      });
      const redirect = redirectPath(':code');
      return {
        measuredAt: new Date().toISOString(),
        options,
        machine: machine(),
        commit: measuredCommit(),
        bare: relative('bare node:http, 302 from a Map', redirect, bare.result),
        shortener: relative('shortener-service, LOG_LEVEL=info', redirect, saturated.result.result),
        shortenerProfiled: relative(
          'shortener-service, LOG_LEVEL=info, under --cpu-prof',
          redirect,
          profiled.result,
        ),
        shortenerQuiet: relative('shortener-service, LOG_LEVEL=warn', redirect, quiet.result),
        bareAtFixedRate: {
          name: 'bare node:http',
          offeredRate: options.fixedRate,
          ...bareAtFixedRate,
        },
        shortenerAtFixedRate: {
          name: 'shortener-service, LOG_LEVEL=info',
          offeredRate: options.fixedRate,
          ...fixed.result,
        },
        bareAtPacedRate: {
          name: 'bare node:http',
          offeredRate: options.fixedRate,
          ...bareAtPacedRate,
        },
        shortenerAtPacedRate: {
          name: 'shortener-service, LOG_LEVEL=info',
          offeredRate: options.fixedRate,
          ...pacedShortener.result,
        },
        peakResidentBytes: Math.max(saturated.peakBytes, fixed.peakBytes, pacedShortener.peakBytes),
        clicks: { redirects, counted },
        profile: {
          ...summariseProfile(profile, profiled.window, bundleLocator(BUNDLE)),
          requests: profiled.result.requests,
        },
        targets: TARGETS,
      };
    } finally {
      await services.stopAll();
      await Promise.all([authDatabase.drop(), shortenerDatabase.drop()]);
    }
  } finally {
    rmSync(profileDirectory, { recursive: true, force: true });
    await releaseInfrastructure();
  }
}
