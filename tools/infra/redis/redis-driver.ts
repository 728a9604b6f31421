import { mkdirSync } from 'node:fs';
import Redis from 'ioredis';
import type { ComponentDriver, Health } from '../component';
import { unhealthy } from '../health';
import { InfraError } from '../infra-error';
import type { InfraPaths } from '../infra-paths';
import { formatAddress, type SocketAddress } from '../network';
import type { ProcessLaunch } from '../process/detached-process';
import { findExecutable } from '../process/executables';

export function redisDriver(serverUrl: URL, paths: InfraPaths): ComponentDriver {
  const address = { host: serverUrl.hostname, port: Number(serverUrl.port || 6379) };
  return {
    component: 'redis',
    endpoint: formatAddress(address),
    address,
    startupTimeoutMs: 20_000,
    probe: () => probeRedis(serverUrl),
    launch: async () => localRedisLaunch(address, serverUrl.password, paths),
  };
}

async function probeRedis(serverUrl: URL): Promise<Health> {
  const client = new Redis(serverUrl.toString(), {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // connect() rejects with the same error; without a listener ioredis would print it as unhandled.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const version =
      /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? 'unknown version';
    return { healthy: true, detail: `Redis ${version}` };
  } catch (error) {
    return unhealthy(error);
  } finally {
    client.disconnect();
  }
}

/** A throwaway cache and queue store for development: no snapshots, no append-only file. */
function localRedisLaunch(
  address: SocketAddress,
  password: string,
  paths: InfraPaths,
): ProcessLaunch {
  const server = findExecutable('redis-server');
  if (!server) {
    throw new InfraError(
      'PREREQUISITE_MISSING',
      `Redis is not reachable at ${formatAddress(address)} and redis-server is not installed. ` +
        'Install it with `sudo apt-get install redis-server` (Debian/Ubuntu) or `brew install redis` (macOS), or point REDIS_URL at a running Redis.',
    );
  }
  mkdirSync(paths.redisData, { recursive: true });
  const args = [
    '--bind',
    address.host === 'localhost' ? '127.0.0.1' : address.host,
    '--port',
    String(address.port),
  ];
  args.push('--dir', paths.redisData, '--save', '', '--appendonly', 'no');
  if (password) args.push('--requirepass', decodeURIComponent(password));
  return { command: server, args, logFile: paths.logFile('redis'), stopSignal: 'SIGTERM' };
}
