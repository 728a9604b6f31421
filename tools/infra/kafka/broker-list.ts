import { InfraError } from '../infra-error';
import type { SocketAddress } from '../network';

/** KAFKA_BROKERS is a comma-separated list of host:port, the form every Kafka client takes. */
export function parseBrokerList(value: string): SocketAddress[] {
  const brokers = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(parseBroker);
  if (brokers.length === 0) throw invalid(value);
  return brokers;
}

function parseBroker(entry: string): SocketAddress {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(entry);
  const port = Number(match?.[2]);
  if (!match || port < 1 || port > 65_535) throw invalid(entry);
  return { host: match[1], port };
}

function invalid(value: string): InfraError {
  return new InfraError(
    'INVALID_SETTING',
    `KAFKA_BROKERS must be host:port[,host:port…] such as 127.0.0.1:9092, not "${value}"`,
  );
}
