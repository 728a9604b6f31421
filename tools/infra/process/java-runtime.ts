import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError } from '../infra-error';
import { findExecutable } from './executables';

/** Who needs a JVM, for the message that says what to install: `Kafka` and the setting `KAFKA_BROKERS`. */
export interface JavaServer {
  name: string;
  setting: string;
}

/** JAVA_HOME wins, as in Kafka's own scripts; otherwise the java on PATH. */
export function javaExecutable({ name, setting }: JavaServer): string {
  const fromJavaHome = process.env.JAVA_HOME
    ? join(process.env.JAVA_HOME, 'bin', 'java')
    : undefined;
  const java = fromJavaHome && existsSync(fromJavaHome) ? fromJavaHome : findExecutable('java');
  if (!java) {
    throw new InfraError(
      'PREREQUISITE_MISSING',
      `${name} is not reachable and capstone runs its own on a Java runtime (17 or newer), which is not installed. ` +
        `Install one with \`sudo apt-get install openjdk-17-jre-headless\` (Debian/Ubuntu) or \`brew install openjdk@17\` (macOS), or point ${setting} at a running ${name}.`,
    );
  }
  return java;
}
