import { join } from 'node:path';

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
