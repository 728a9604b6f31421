import { existsSync } from 'node:fs';
import { allPrismaProjects } from '../db/prisma-project';

/** Every schema folder that receives the shared models, for services and test-only projects alike. */
export function prismaSchemaFolders(root: string): string[] {
  return allPrismaProjects(root)
    .map((project) => project.schemaDir)
    .filter(existsSync);
}
