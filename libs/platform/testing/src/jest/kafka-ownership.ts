// Set by the global setup, which runs before Jest starts the workers that inherit the environment.
export const kafkaOwnershipVariable = 'CAPSTONE_TEST_KAFKA_IS_MANAGED';

/** Synchronous, so a test file can choose `it` or `it.skip` while Jest collects its tests. */
export function kafkaIsManaged(): boolean {
  return process.env[kafkaOwnershipVariable] === 'true';
}
