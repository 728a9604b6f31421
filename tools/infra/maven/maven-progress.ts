import type { Component, Log } from '../component';

export interface MavenDownload {
  file: string;
  bytes: number;
}

const downloadedLine = /Downloaded from [^:]+: (\S+) \(([\d.,]+) (B|kB|KB|MB|GB) at/;
const bytesPerUnit: Record<string, number> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/** Reads Maven's "Downloaded from central: <url> (6.2 MB at 3.1 MB/s)" lines; anything else is not a download. */
export function parseDownloadedLine(line: string): MavenDownload | undefined {
  const match = downloadedLine.exec(line);
  if (!match) return undefined;
  const [, url, size, unit] = match;
  return {
    file: url.slice(url.lastIndexOf('/') + 1),
    bytes: Number(size.replace(/,/g, '')) * bytesPerUnit[unit],
  };
}

export function formatSize(bytes: number): string {
  return bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Turns Maven's output into progress lines: each jar as it lands, and a heartbeat while nothing does. */
export class MavenDownloadProgress {
  private total = 0;
  private lastReport = Date.now();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly component: Component,
    private readonly log: Log,
    heartbeatMs = 15_000,
  ) {
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastReport >= heartbeatMs) {
        this.report(`still downloading… ${formatSize(this.total)} so far`);
      }
    }, heartbeatMs);
  }

  readonly onLine = (line: string): void => {
    const download = parseDownloadedLine(line);
    if (!download) return;
    this.total += download.bytes;
    if (download.file.endsWith('.jar')) {
      this.report(
        `downloaded ${download.file} (${formatSize(download.bytes)}, ${formatSize(this.total)} so far)`,
      );
    }
  };

  get downloadedBytes(): number {
    return this.total;
  }

  stop(): void {
    clearInterval(this.heartbeat);
  }

  private report(message: string): void {
    this.lastReport = Date.now();
    this.log(`${this.component}: ${message}`);
  }
}
