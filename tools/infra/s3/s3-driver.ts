import type { ComponentDriver } from '../component';
import type { InfraPaths } from '../infra-paths';
import type { S3Signing } from '../settings';
import { localS3MockLaunch } from './local-s3mock';
import { probeS3 } from './s3-probe';

export function s3Driver(endpoint: URL, signing: S3Signing, paths: InfraPaths): ComponentDriver {
  const defaultPort = endpoint.protocol === 'https:' ? 443 : 80;
  const address = { host: endpoint.hostname, port: Number(endpoint.port || defaultPort) };
  return {
    component: 's3',
    endpoint: endpoint.origin,
    address,
    // A JVM and Spring Boot on two cores: a few seconds warm, longer on a cold machine.
    startupTimeoutMs: 60_000,
    probe: () => probeS3(endpoint, signing),
    launch: (log) => localS3MockLaunch(endpoint, address, paths, log),
  };
}
