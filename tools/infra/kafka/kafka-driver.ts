import type { ComponentDriver } from '../component';
import type { InfraPaths } from '../infra-paths';
import { formatAddress, type SocketAddress } from '../network';
import { probeKafka } from './kafka-probe';
import { localBrokerLaunch } from './local-broker';

export function kafkaDriver(
  brokers: SocketAddress[],
  heapOptions: string[],
  paths: InfraPaths,
): ComponentDriver {
  const [first] = brokers;
  return {
    component: 'kafka',
    endpoint: brokers.map(formatAddress).join(','),
    address: first,
    // A cold JVM on two cores takes tens of seconds before the broker answers.
    startupTimeoutMs: 120_000,
    probe: () => probeKafka(brokers),
    launch: (log) => localBrokerLaunch(first, heapOptions, paths, log),
  };
}
