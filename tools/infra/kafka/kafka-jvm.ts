import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError } from '../infra-error';
import { findExecutable } from '../process/executables';

/** How to run a Kafka main class: which java, and the class path plus logging set-up every Kafka tool needs. */
export interface KafkaJvm {
  java: string;
  classpathArgs: string[];
}

export function kafkaJvm(java: string, libsDir: string, log4jProperties: string): KafkaJvm {
  return {
    java,
    classpathArgs: [`-Dlog4j.configuration=file:${log4jProperties}`, '-cp', join(libsDir, '*')],
  };
}

/** JAVA_HOME wins, as in Kafka's own scripts; otherwise the java on PATH. */
export function javaExecutable(): string {
  const fromJavaHome = process.env.JAVA_HOME
    ? join(process.env.JAVA_HOME, 'bin', 'java')
    : undefined;
  const java = fromJavaHome && existsSync(fromJavaHome) ? fromJavaHome : findExecutable('java');
  if (!java) {
    throw new InfraError(
      'PREREQUISITE_MISSING',
      'Kafka is not reachable and capstone runs its own on a Java runtime (17 or newer), which is not installed. ' +
        'Install one with `sudo apt-get install openjdk-17-jre-headless` (Debian/Ubuntu) or `brew install openjdk@17` (macOS), or point KAFKA_BROKERS at a running Kafka.',
    );
  }
  return java;
}
