import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import type { Health } from '../component';
import { unhealthy } from '../health';
import type { S3Signing } from '../settings';

// The SDK is pinned, so its notice that releases after January 2027 need Node 22 asks nothing of this tool.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Ready means what services need: a signed ListBuckets is answered, so the server is up and takes these credentials. */
export async function probeS3(
  endpoint: URL,
  { region, ...credentials }: S3Signing,
): Promise<Health> {
  const client = new S3Client({
    endpoint: endpoint.origin,
    region,
    credentials,
    forcePathStyle: true,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
  });
  try {
    const { Buckets = [] } = await client.send(new ListBucketsCommand({}));
    return {
      healthy: true,
      detail: `${Buckets.length} ${Buckets.length === 1 ? 'bucket' : 'buckets'}`,
    };
  } catch (error) {
    return unhealthy(error);
  } finally {
    client.destroy();
  }
}
