import { mkdirSync } from 'node:fs';
import type { Log } from '../component';
import { InfraError } from '../infra-error';
import type { InfraPaths } from '../infra-paths';
import type { SocketAddress } from '../network';
import type { ProcessLaunch } from '../process/detached-process';
import { javaExecutable } from '../process/java-runtime';
import { ensureS3MockJar } from './s3mock-distribution';

/** Adobe's S3Mock on the local JDK, serving plain HTTP at S3_ENDPOINT, its buckets under the data dir's s3/. */
export async function localS3MockLaunch(
  endpoint: URL,
  address: SocketAddress,
  paths: InfraPaths,
  log: Log,
): Promise<ProcessLaunch> {
  if (endpoint.protocol !== 'http:') {
    throw new InfraError(
      'INVALID_SETTING',
      `nothing answers at S3_ENDPOINT ${endpoint.origin}, and the S3Mock capstone starts serves plain http:// only`,
    );
  }
  // Looked up before the download, so a missing JDK is reported before any time is spent.
  const java = javaExecutable({ name: 'S3', setting: 'S3_ENDPOINT' });
  const jar = await ensureS3MockJar(paths.logFile('s3-download'), log);
  mkdirSync(paths.s3.storeRoot, { recursive: true });
  return {
    command: java,
    args: [
      // A small heap and a quick start: a development store holds a few images, not a data lake.
      '-Xmx256m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      '-jar',
      jar,
      // server.port is S3Mock's HTTPS connector: here it serves plain HTTP on S3_ENDPOINT instead.
      `--server.address=${address.host === 'localhost' ? '127.0.0.1' : address.host}`,
      `--server.port=${address.port}`,
      '--server.ssl.enabled=false',
      // S3Mock always opens a second, plain HTTP connector; port 0 lets the kernel pick a free one.
      '--http.port=0',
      `--com.adobe.testing.s3mock.store.root=${paths.s3.storeRoot}`,
      '--com.adobe.testing.s3mock.store.retain-files-on-exit=true',
      '--spring.main.banner-mode=off',
    ],
    logFile: paths.logFile('s3'),
    // SIGTERM runs Spring's graceful shutdown: requests in flight finish, the store stays on disk.
    stopSignal: 'SIGTERM',
    // A JVM writes crash reports (hs_err_pid*.log) to its working directory, beside the store, not in it.
    cwd: paths.s3.workDir,
  };
}
