import { parseDownloadedLine } from './maven-progress';

describe('parseDownloadedLine', () => {
  it('reads the file name and size of a finished download', () => {
    const line =
      '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/kafka/kafka_2.13/3.9.2/kafka_2.13-3.9.2.jar (6.2 MB at 3.1 MB/s)';
    expect(parseDownloadedLine(line)).toEqual({ file: 'kafka_2.13-3.9.2.jar', bytes: 6_200_000 });
  });

  it('understands sizes in kilobytes and bytes', () => {
    expect(
      parseDownloadedLine('Downloaded from central: https://x/y/a.pom (1,024 kB at 1 MB/s)')?.bytes,
    ).toBe(1_024_000);
    expect(
      parseDownloadedLine('Downloaded from central: https://x/y/b.sha1 (40 B at 1 kB/s)')?.bytes,
    ).toBe(40);
  });

  it('ignores downloads that have only started, and every other line', () => {
    expect(
      parseDownloadedLine('[INFO] Downloading from central: https://x/y/a.jar'),
    ).toBeUndefined();
    expect(parseDownloadedLine('[INFO] BUILD SUCCESS')).toBeUndefined();
  });
});
