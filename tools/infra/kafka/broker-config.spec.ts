import { renderLog4jProperties, renderServerProperties } from './broker-config';

function parseProperties(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
  return Object.fromEntries(entries);
}

describe('renderServerProperties', () => {
  const properties = parseProperties(
    renderServerProperties({
      listener: { host: '127.0.0.1', port: 9092 },
      controllerPort: 9093,
      logDir: '/repo/.data/kafka/data',
    }),
  );

  it('runs broker and controller in one KRaft node with the controller on its own port', () => {
    expect(properties).toMatchObject({
      'process.roles': 'broker,controller',
      'controller.quorum.voters': '1@127.0.0.1:9093',
      listeners: 'PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093',
      'controller.listener.names': 'CONTROLLER',
    });
  });

  it('advertises the address clients were given, and keeps its data where it was told', () => {
    expect(properties['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:9092');
    expect(properties['log.dirs']).toBe('/repo/.data/kafka/data');
  });

  it('gives internal topics one replica and one partition, and starts consumer groups without delay', () => {
    expect(properties).toMatchObject({
      'offsets.topic.replication.factor': '1',
      'offsets.topic.num.partitions': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'transaction.state.log.num.partitions': '1',
      'num.partitions': '1',
      'group.initial.rebalance.delay.ms': '0',
    });
  });
});

describe('renderLog4jProperties', () => {
  it('sends every log line to standard output, which the launcher writes to the log file', () => {
    expect(parseProperties(renderLog4jProperties())).toMatchObject({
      'log4j.rootLogger': 'INFO, stdout',
      'log4j.appender.stdout': 'org.apache.log4j.ConsoleAppender',
    });
  });
});
