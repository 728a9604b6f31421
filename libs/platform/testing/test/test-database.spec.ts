import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, prismaProject, type PrismaProject } from '../src';

const notes: PrismaProject = prismaProject(join(__dirname, 'fixtures', 'notes'));

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('a test database', () => {
  it('is cloned already migrated, and what one test file writes is invisible to another', async () => {
    const [first, second] = await Promise.all([
      createTestDatabase(notes),
      createTestDatabase(notes),
    ]);
    try {
      await query(first.url, `INSERT INTO note (body) VALUES ('only in the first')`);
      expect(await query(first.url, 'SELECT body FROM note')).toEqual([
        { body: 'only in the first' },
      ]);
      expect(await query(second.url, 'SELECT body FROM note')).toEqual([]);
    } finally {
      await Promise.all([first.drop(), second.drop()]);
    }
  });

  it('is gone after drop, even with a connection left open', async () => {
    const database = await createTestDatabase(notes);
    const forgotten = new Client({ connectionString: database.url });
    forgotten.on('error', () => undefined); // the drop terminates it on purpose
    await forgotten.connect();
    await database.drop();

    const server = new URL(database.url);
    server.pathname = '/postgres';
    expect(
      await query(
        server.toString(),
        `SELECT datname FROM pg_database WHERE datname = '${database.name}'`,
      ),
    ).toEqual([]);
  });
});
