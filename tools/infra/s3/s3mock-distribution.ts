import { join } from 'node:path';
import type { Log } from '../component';
import { downloadCacheDir } from '../infra-paths';
import { dependencyPlugin, ensureMavenArtifacts } from '../maven/maven-artifacts';

/** S3Mock 5 runs on Java 17, the JDK Kafka already needs. */
export const s3mockVersion = '5.2.0';

/** S3Mock's executable jar (one Spring Boot jar, its `exec` classifier), fetched from Maven Central on first use. Returns its path. */
export async function ensureS3MockJar(logFile: string, log: Log): Promise<string> {
  const home = await ensureMavenArtifacts(
    {
      component: 's3',
      title: `Adobe S3Mock ${s3mockVersion}`,
      approximateSize: 'about 30 MB',
      home: join(downloadCacheDir(), `s3mock-${s3mockVersion}`),
      alternative: 'point S3_ENDPOINT at a running S3-compatible server such as MinIO',
      logFile,
      prepare: (staging) => [
        `${dependencyPlugin}:copy`,
        `-Dartifact=com.adobe.testing:s3mock:${s3mockVersion}:jar:exec`,
        `-DoutputDirectory=${staging}`,
      ],
    },
    log,
  );
  return join(home, `s3mock-${s3mockVersion}-exec.jar`);
}
