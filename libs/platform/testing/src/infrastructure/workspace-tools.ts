// The testing library drives the same workspace tools `npm test` uses; this file is its only door into tools/.
export { infraStatus, infraUp, startComponent, stopComponent } from '../../../../../tools/infra';
export { databaseUrlFor, generatePrismaClients } from '../../../../../tools/workspace/prisma';
export { repoRoot } from '../../../../../tools/workspace/paths';
