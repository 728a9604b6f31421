// Set by the global setup, which runs before Jest starts the workers that inherit the environment.
export const kafkaOwnershipVariable = 'CAPSTONE_TEST_KAFKA_IS_MANAGED';

/** Synchronous, so a test file can choose `it` or `it.skip` while Jest collects its tests. */
export function kafkaIsManaged(): boolean {
  return process.env[kafkaOwnershipVariable] === 'true';
}

/**
 * `describe` for tests that stop and restart the broker: they run only against a Kafka that this
 * project started, and otherwise show as skipped with the reason, because a test never stops a
 * broker it does not own.
 */
export function describeWhenKafkaIsOurs(title: string, tests: () => void): void {
  if (kafkaIsManaged()) describe(title, tests);
  else
    describe.skip(
      `${title} (skipped: Kafka is external, and a test never stops a broker it does not own)`,
      tests,
    );
}
