/**
 * `npm run db -- <command>`: Prisma migrations through the WebAssembly schema engine.
 *   generate                 generate every service's Prisma client
 *   deploy [database…]       apply pending migrations (all service databases by default)
 *   new <database> <name>    write a migration for the schema changes not yet migrated
 *   check                    fail if any schema has changes without a migration
 */
import { databaseUrlFor } from './database-url';
import { createMigration, pendingSchemaChange } from './migrations';
import { prismaProjects } from './prisma-project';
import { deployAll, generateClients } from './index';

// Planning a migration replays history in a throw-away shadow database, so it needs only the
// server, reached through its maintenance database, not the service's own database.
const serverUrl = databaseUrlFor('postgres');

async function main([command, ...args]: string[]): Promise<number> {
  const all = prismaProjects();
  const select = (names: string[]) =>
    names.length === 0 ? all : all.filter((p) => names.includes(p.database));
  switch (command) {
    case 'generate':
      await generateClients(select(args));
      return 0;
    case 'deploy':
      await deployAll(select(args));
      return 0;
    case 'new': {
      const [database, name] = args;
      const project = all.find((p) => p.database === database);
      if (!project || !name) {
        console.error(
          `usage: npm run db -- new <${all.map((p) => p.database).join('|')}> <migration-name>`,
        );
        return 2;
      }
      const folder = await createMigration(project, name, serverUrl);
      console.log(
        folder
          ? `wrote ${project.migrationsDir}/${folder}/migration.sql`
          : 'no schema changes to migrate',
      );
      return 0;
    }
    case 'check': {
      let drifted = 0;
      for (const project of all) {
        const sql = await pendingSchemaChange(project, serverUrl);
        if (sql !== '') {
          drifted += 1;
          console.error(`${project.database}: the schema has changes without a migration:\n${sql}`);
        }
      }
      console.log(drifted === 0 ? `${all.length} schemas match their migrations` : '');
      return drifted === 0 ? 0 : 1;
    }
    default:
      console.error(
        'usage: npm run db -- generate | deploy [database…] | new <database> <name> | check',
      );
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
