import { prismaProjects } from '../../db/prisma-project';
import { workspacePrismaDir } from '../infra-paths';

/**
 * Each service owns a database named after its Prisma project (prisma/auth → auth); the rule for
 * what counts as one lives with the migration tool, so infra creates exactly what it migrates.
 */
export function serviceDatabases(prismaDir = workspacePrismaDir): string[] {
  return prismaProjects(prismaDir)
    .map((project) => project.database)
    .sort();
}
