import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Component, Log } from '../component';
import { InfraError } from '../infra-error';
import { findExecutable } from '../process/executables';
import { tailOf } from '../process/log-tail';
import { runToCompletion } from '../process/run-to-completion';
import { formatSize, MavenDownloadProgress } from './maven-progress';

export const dependencyPlugin = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

/** A server capstone runs from Maven Central's artifacts, fetched once into the download cache. */
export interface MavenArtifacts {
  component: Component;
  /** What is fetched, for messages: `Apache Kafka 3.9.2`. */
  title: string;
  /** For the first progress line: `about 100 MB`. */
  approximateSize: string;
  /** The cache folder the artifacts land in, whole or not at all. */
  home: string;
  /** What a developer without Maven can do instead: `point KAFKA_BROKERS at a running Kafka`. */
  alternative: string;
  /** Maven's output goes here, so a failed download can be read afterwards. */
  logFile: string;
  /** Writes what Maven needs into the staging folder (a pom, if any) and returns Maven's goal and its arguments. */
  prepare(staging: string): string[];
}

/** Fetches the artifacts on first use, reporting progress, and reuses them, offline, ever after. Returns their folder. */
export async function ensureMavenArtifacts(artifacts: MavenArtifacts, log: Log): Promise<string> {
  const { home } = artifacts;
  if (existsSync(home)) return home;

  const maven = findExecutable('mvn');
  if (!maven) {
    throw new InfraError(
      'PREREQUISITE_MISSING',
      `${artifacts.title} is not in ${home} yet and Maven, which fetches it, is not installed. ` +
        `Install it with \`sudo apt-get install maven\` (Debian/Ubuntu) or \`brew install maven\` (macOS), or ${artifacts.alternative}.`,
    );
  }
  const cache = dirname(home);
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, `.${basename(home)}-`));
  try {
    await download(maven, artifacts, staging, log);
    publish(staging, home);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return home;
}

async function download(
  maven: string,
  artifacts: MavenArtifacts,
  staging: string,
  log: Log,
): Promise<void> {
  const { component, title, logFile } = artifacts;
  const goal = artifacts.prepare(staging);
  log(
    `${component}: fetching ${title} from Maven Central (${artifacts.approximateSize}, once) into ${artifacts.home}`,
  );
  const progress = new MavenDownloadProgress(component, log);
  const started = Date.now();
  const exitCode = await runToCompletion({
    command: maven,
    args: ['-B', '-Dstyle.color=never', ...goal],
    // Never a pom.xml that happens to be in the caller's directory.
    cwd: staging,
    logFile,
    onLine: progress.onLine,
  }).finally(() => progress.stop());
  if (exitCode !== 0) {
    throw new InfraError(
      'DOWNLOAD_FAILED',
      `Maven could not fetch ${title} (exit ${exitCode}); ${logFile} ends with:\n${tailOf(logFile)}`,
    );
  }
  log(
    `${component}: fetched in ${Math.round((Date.now() - started) / 1000)}s (${formatSize(progress.downloadedBytes)} from the network)`,
  );
}

/** A rename is atomic, so an interrupted download never looks complete; a concurrent one that finished first wins. */
function publish(staging: string, home: string): void {
  try {
    renameSync(staging, home);
  } catch (error) {
    if (!existsSync(home)) throw error;
  }
}
