import { Kafka, logLevel } from 'kafkajs';
import { infraStatus, infraUp, managedProcess } from './index';
import { formatAddress } from './network';
import { pollUntil } from './poll';
import { infraSettings } from './settings';

// Decided when the file loads: the test runner has already brought infrastructure up by then.
const capstoneRunsKafka = managedProcess('kafka') !== undefined;
const skipReason = 'Kafka here is external or not running, so capstone must not kill it';
// Jest lists no names for a skipped file, so the reason is printed where a reader will see it.
if (!capstoneRunsKafka) console.warn(`skipping the Kafka restart test: ${skipReason}`);
const describeWhenCapstoneRunsKafka = capstoneRunsKafka ? describe : describe.skip;

const quiet = () => undefined;

function kafkaAdmin() {
  const brokers = infraSettings().kafkaBrokers.map(formatAddress);
  return new Kafka({
    clientId: 'infra-disruptive-spec',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
}

async function kafkaHealthy(): Promise<boolean> {
  const statuses = await infraStatus();
  return statuses.some((status) => status.component === 'kafka' && status.healthy);
}

describeWhenCapstoneRunsKafka('a Kafka broker started by capstone', () => {
  const topic = `infra-spec-${process.pid}-${Date.now().toString(36)}`;

  afterAll(async () => {
    const admin = kafkaAdmin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  it('is restarted by up after being killed, with its topics intact', async () => {
    const admin = kafkaAdmin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
    await admin.disconnect();

    const broker = managedProcess('kafka');
    if (!broker) throw new Error('capstone no longer runs Kafka');
    process.kill(broker.pid, 'SIGKILL');
    expect(await pollUntil(async () => !(await kafkaHealthy()), { timeoutMs: 30_000 })).toBe(true);

    const { startedNow } = await infraUp({ log: quiet });

    expect(startedNow).toEqual(['kafka']);
    expect(await kafkaHealthy()).toBe(true);
    const restarted = kafkaAdmin();
    await restarted.connect();
    expect(await restarted.listTopics()).toContain(topic);
    await restarted.disconnect();
  }, 180_000);
});
