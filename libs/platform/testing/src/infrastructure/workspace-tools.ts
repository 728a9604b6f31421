// The testing library drives the same workspace tools `npm test` uses; this file is its only door into tools/.
export {
  databaseUrlFor,
  deployMigrations,
  generateClient,
  migrationList,
  prismaProject,
  type PrismaProject,
} from '../../../../../tools/db';
export {
  infraStatus,
  infraUp,
  sparePort,
  startComponent,
  stopComponent,
} from '../../../../../tools/infra';
export { repoRoot } from '../../../../../tools/workspace/paths';
export { startDevGateway } from '../../../../../tools/dev/dev-gateway';
