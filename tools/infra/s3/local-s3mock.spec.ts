import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { infraDown, managedProcess } from '../lifecycle';
import { isListening } from '../network';
import { isRunning } from '../process/process-identity';
import { infraSettings } from '../settings';
import {
  pathWithout,
  quiet,
  scratchInfra,
  sparePort,
  type ScratchInfra,
} from '../testing/scratch-infra';

// Cold, the first run may fetch S3Mock from Maven Central before the JVM starts.
const coldStartMs = 5 * 60_000;

function s3Client(endpoint: URL): S3Client {
  const { region, ...credentials } = infraSettings().s3Signing;
  return new S3Client({ endpoint: endpoint.origin, region, credentials, forcePathStyle: true });
}

async function bucketNames(endpoint: URL): Promise<string[]> {
  const client = s3Client(endpoint);
  try {
    const { Buckets = [] } = await client.send(new ListBucketsCommand({}));
    return Buckets.map((bucket) => bucket.Name ?? '');
  } finally {
    client.destroy();
  }
}

async function createBucket(endpoint: URL, name: string): Promise<void> {
  const client = s3Client(endpoint);
  try {
    await client.send(new CreateBucketCommand({ Bucket: name }));
  } finally {
    client.destroy();
  }
}

describe('S3, when nothing answers at S3_ENDPOINT', () => {
  let scratch: ScratchInfra;
  let port: number;
  let settings: { s3Endpoint: URL; dataDir: string };

  beforeEach(async () => {
    scratch = scratchInfra();
    port = await sparePort();
    settings = { s3Endpoint: new URL(`http://127.0.0.1:${port}`), dataDir: scratch.dataDir };
  });

  afterEach(() => scratch.remove(), 90_000);

  it(
    'is started by up as S3Mock on the local JDK, keeps its buckets in the data dir, and is stopped by down',
    async () => {
      const { statuses, startedNow } = await scratch.up({ only: ['s3'], settings, log: quiet });

      expect(startedNow).toEqual(['s3']);
      expect(statuses).toEqual([
        expect.objectContaining({
          component: 's3',
          healthy: true,
          managedBy: 'capstone',
          endpoint: `http://127.0.0.1:${port}`,
        }),
      ]);
      const server = managedProcess('s3', { settings });
      expect(server?.command).toMatch(/java$/);
      await createBucket(settings.s3Endpoint, 'infra-spec-photos');
      expect(await bucketNames(settings.s3Endpoint)).toEqual(['infra-spec-photos']);
      expect(readdirSync(join(scratch.dataDir, 's3', 'store'))).toContain('infra-spec-photos');
      expect(existsSync(join(scratch.dataDir, 'logs', 's3.log'))).toBe(true);

      expect(await infraDown({ settings, log: quiet })).toEqual(['s3']);

      expect(server && isRunning(server)).toBe(false);
      expect(managedProcess('s3', { settings })).toBeUndefined();
      expect(await isListening({ host: '127.0.0.1', port })).toBe(false);
    },
    coldStartMs,
  );

  it(
    'comes back from a restart with the buckets it had',
    async () => {
      await scratch.up({ only: ['s3'], settings, log: quiet });
      await createBucket(settings.s3Endpoint, 'infra-spec-kept');
      await infraDown({ settings, log: quiet });

      const { startedNow } = await scratch.up({ only: ['s3'], settings, log: quiet });

      expect(startedNow).toEqual(['s3']);
      expect(await bucketNames(settings.s3Endpoint)).toEqual(['infra-spec-kept']);
    },
    coldStartMs,
  );

  it('makes up stop with what to install when no Java runtime is found', async () => {
    const { PATH: path, JAVA_HOME: javaHome } = process.env;
    process.env.PATH = pathWithout('java');
    delete process.env.JAVA_HOME;
    try {
      const up = scratch.up({ only: ['s3'], settings, log: quiet });

      await expect(up).rejects.toMatchObject({
        name: 'InfraError',
        code: 'PREREQUISITE_MISSING',
        message: expect.stringContaining(
          'S3 is not reachable and capstone runs its own on a Java runtime (17 or newer), which is not installed.',
        ),
      });
    } finally {
      process.env.PATH = path;
      if (javaHome !== undefined) process.env.JAVA_HOME = javaHome;
    }
    expect(managedProcess('s3', { settings })).toBeUndefined();
  });

  it('refuses to start one for an https:// endpoint, since S3Mock here serves plain HTTP', async () => {
    const httpsSettings = { ...settings, s3Endpoint: new URL(`https://127.0.0.1:${port}`) };

    const up = scratch.up({ only: ['s3'], settings: httpsSettings, log: quiet });

    await expect(up).rejects.toMatchObject({ name: 'InfraError', code: 'INVALID_SETTING' });
    expect(await isListening({ host: '127.0.0.1', port })).toBe(false);
  });
});
