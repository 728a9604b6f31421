import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ensureTestInfrastructure, managedKafka } from '../infrastructure/test-infrastructure';
import { generateClient, prismaProject } from '../infrastructure/workspace-tools';
import { kafkaOwnershipVariable } from './kafka-ownership';
import { sweepTestLeftovers } from './test-leftovers';

/**
 * Jest `globalSetup` for any project (`globalSetup: '<rootDir>/../testing/src/jest/global-setup.ts'`,
 * adjusted to the project's depth). Ensures the infrastructure once per run, clears what crashed
 * runs left behind, tells test files whether the Kafka broker is capstone's own to stop, and
 * generates the client of a test-only Prisma project in `<project>/test/prisma/`, so that a plain
 * `npx jest <project>` works without `npm test` first.
 */
export default async function globalSetup(
  _globalConfig: unknown,
  project: { rootDir: string },
): Promise<void> {
  await ensureTestInfrastructure();
  await sweepTestLeftovers();
  process.env[kafkaOwnershipVariable] = String((await managedKafka()) !== undefined);
  const testPrisma = join(project.rootDir, 'test', 'prisma');
  if (existsSync(join(testPrisma, 'prisma.config.ts')))
    await generateClient(prismaProject(testPrisma, `test_${basename(project.rootDir)}`));
}
