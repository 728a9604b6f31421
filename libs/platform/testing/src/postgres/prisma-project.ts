import { join } from 'node:path';
import { prismaProject, repoRoot, type PrismaProject } from '../infrastructure/workspace-tools';

export { prismaProject, type PrismaProject };

/** The Prisma project of a service database, `prisma/<database>/`. */
export function servicePrismaProject(database: string): PrismaProject {
  return prismaProject(join(repoRoot, 'prisma', database));
}
