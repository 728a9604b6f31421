import { InfraError } from '../infra-error';
import { parseBrokerList } from './broker-list';

describe('parseBrokerList', () => {
  it('reads a comma-separated list of host:port, ignoring spaces and empty entries', () => {
    expect(parseBrokerList(' 127.0.0.1:9092, kafka-1:19092,')).toEqual([
      { host: '127.0.0.1', port: 9092 },
      { host: 'kafka-1', port: 19092 },
    ]);
  });

  it('accepts a bracketed IPv6 address', () => {
    expect(parseBrokerList('[::1]:9092')).toEqual([{ host: '::1', port: 9092 }]);
  });

  it.each(['', 'localhost', 'localhost:', 'localhost:0', 'localhost:70000', ':9092'])(
    'rejects "%s" with a message that shows the expected form',
    (value) => {
      expect(() => parseBrokerList(value)).toThrow(InfraError);
      expect(() => parseBrokerList(value)).toThrow(/host:port/);
    },
  );
});
