import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testEndpoints } from '../src/infrastructure/test-endpoints';
import { databaseUrlFor } from '../src/infrastructure/workspace-tools';
import { isLeftover, sweepTestLeftovers } from '../src/jest/test-leftovers';
import { testKafkaClient } from '../src/kafka/test-kafka-client';
import { creatorPidOf, uniqueTestId } from '../src/test-names';

/** A pid no process has right now: what a crashed run's worker leaves behind. */
function departedPid(): number {
  for (let pid = 4_194_000; ; pid -= 1) {
    if (!isAlive(pid)) return pid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const idOf = (pid: number) => `${pid.toString(36)}_${randomBytes(4).toString('hex')}`;

describe('test names', () => {
  it('carry the pid of the worker that made them', () => {
    expect(creatorPidOf(`test_auth_${uniqueTestId()}`)).toBe(process.pid);
    expect(creatorPidOf(`test.relay.${uniqueTestId()}.auth.users.dlq`)).toBe(process.pid);
    expect(creatorPidOf('tpl_auth_0123456789abcdef')).toBeUndefined();
  });

  it('count as leftovers only once their worker has gone', () => {
    expect(isLeftover(`test_auth_${uniqueTestId()}`)).toBe(false);
    expect(isLeftover(`test_auth_${idOf(departedPid())}`)).toBe(true);
    expect(isLeftover('test_something_else')).toBe(false);
  });
});

describe('sweeping what crashed runs left behind', () => {
  const admin = new Client({
    connectionString: databaseUrlFor('postgres', testEndpoints.databaseUrl),
  });
  const kafkaAdmin = testKafkaClient('sweep-test').admin();
  const orphan = idOf(departedPid());
  const ours = uniqueTestId();

  beforeAll(async () => {
    await admin.connect();
    await kafkaAdmin.connect();
    for (const id of [orphan, ours]) await admin.query(`CREATE DATABASE "test_sweep_${id}"`);
    await kafkaAdmin.createTopics({
      topics: [orphan, ours].map((id) => ({ topic: `test.sweep.${id}.auth.users` })),
    });
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "test_sweep_${ours}" WITH (FORCE)`);
    await kafkaAdmin
      .deleteTopics({ topics: [`test.sweep.${ours}.auth.users`] })
      .catch(() => undefined);
    await kafkaAdmin.disconnect();
    await admin.end();
  });

  it("drops a departed worker's database and topics and keeps those of a worker still running", async () => {
    await sweepTestLeftovers();

    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'test\\_sweep\\_%'`,
    );
    const databases = rows.map((row) => row.datname);
    expect(databases).toContain(`test_sweep_${ours}`);
    expect(databases).not.toContain(`test_sweep_${orphan}`);

    const topics = await kafkaAdmin.listTopics();
    expect(topics).toContain(`test.sweep.${ours}.auth.users`);
    expect(topics).not.toContain(`test.sweep.${orphan}.auth.users`);
  });
});
