import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Log } from '../component';
import { InfraError } from '../infra-error';
import type { InfraPaths } from '../infra-paths';
import { tailOf } from '../process/log-tail';
import { runToCompletion } from '../process/run-to-completion';
import type { KafkaJvm } from './kafka-jvm';

/** KRaft storage is formatted once; every later start reuses it, so topics and offsets survive a restart. */
export async function ensureFormattedStorage(
  jvm: KafkaJvm,
  paths: InfraPaths,
  log: Log,
): Promise<void> {
  const { kafka } = paths;
  if (existsSync(join(kafka.logDir, 'meta.properties'))) return;
  const clusterId = storedClusterId(kafka.clusterIdFile);
  log(`kafka: formatting storage in ${kafka.logDir} for cluster ${clusterId}`);
  const logFile = paths.logFile('kafka');
  const exitCode = await runToCompletion({
    command: jvm.java,
    args: [
      ...jvm.classpathArgs,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId,
      '-c',
      kafka.serverProperties,
    ],
    logFile,
  });
  if (exitCode !== 0) {
    throw new InfraError(
      'START_FAILED',
      `Kafka's storage tool failed (exit ${exitCode}); ${logFile} ends with:\n${tailOf(logFile)}`,
    );
  }
}

function storedClusterId(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const clusterId = newClusterId();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${clusterId}\n`);
  return clusterId;
}

/** A Kafka cluster id is 16 random bytes in URL-safe base64; one starting with '-' would read as a flag. */
function newClusterId(): string {
  for (;;) {
    const clusterId = randomBytes(16).toString('base64url');
    if (!clusterId.startsWith('-')) return clusterId;
  }
}
