import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Log } from '../component';
import type { InfraPaths } from '../infra-paths';
import type { SocketAddress } from '../network';
import type { ProcessLaunch } from '../process/detached-process';
import { javaExecutable } from '../process/java-runtime';
import { renderLog4jProperties, renderServerProperties } from './broker-config';
import { ensureKafkaDistribution } from './kafka-distribution';
import { kafkaJvm } from './kafka-jvm';
import { ensureFormattedStorage } from './kafka-storage';

/** A real Apache Kafka broker on the local JDK, its configuration and data under the data dir's kafka/. */
export async function localBrokerLaunch(
  listener: SocketAddress,
  heapOptions: string[],
  paths: InfraPaths,
  log: Log,
): Promise<ProcessLaunch> {
  // Looked up before the download, so a missing JDK is reported before minutes are spent.
  const java = javaExecutable({ name: 'Kafka', setting: 'KAFKA_BROKERS' });
  const { kafka } = paths;
  const libsDir = await ensureKafkaDistribution(paths.logFile('kafka-download'), log);
  const jvm = kafkaJvm(java, libsDir, kafka.log4jProperties);
  // The controller takes the next port (9092 → 9093), as in Kafka's own KRaft quickstart.
  const controllerPort = listener.port + 1;
  const logDir = kafka.logDir;
  writeConfig(kafka.serverProperties, renderServerProperties({ listener, controllerPort, logDir }));
  writeConfig(kafka.log4jProperties, renderLog4jProperties());
  await ensureFormattedStorage(jvm, paths, log);
  return {
    command: jvm.java,
    args: [
      ...heapOptions,
      '-Djava.awt.headless=true',
      ...jvm.classpathArgs,
      'kafka.Kafka',
      kafka.serverProperties,
    ],
    logFile: paths.logFile('kafka'),
    // SIGTERM runs the broker's controlled shutdown, which closes its logs cleanly.
    stopSignal: 'SIGTERM',
    // A JVM writes crash reports (hs_err_pid*.log) to its working directory.
    cwd: dirname(kafka.serverProperties),
  };
}

function writeConfig(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}
