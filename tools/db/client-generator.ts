import { join } from 'node:path';
import { binary, runCommand } from '../workspace/command';
import { databaseUrlFor } from './database-url';
import type { PrismaProject } from './prisma-project';

/**
 * `prisma generate` needs no schema engine, but the CLI resolves one at start-up and would try to
 * download it; pointing it at a stand-in keeps generation offline.
 */
export async function generateClient(project: PrismaProject): Promise<void> {
  const { exitCode } = await runCommand(
    binary('prisma'),
    ['generate', '--config', project.configFile],
    {
      env: {
        PRISMA_SCHEMA_ENGINE_BINARY: join(__dirname, 'no-native-engine.sh'),
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
        // The config reads DATABASE_URL even though generating never connects.
        DATABASE_URL: databaseUrlFor(project.database),
      },
    },
  );
  if (exitCode !== 0) throw new Error(`prisma generate failed for ${project.dir}`);
}
