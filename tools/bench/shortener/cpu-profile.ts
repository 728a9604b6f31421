import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The parts of V8's `.cpuprofile` (what `node --cpu-prof` writes) that a summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  /** Microseconds on the system's monotonic clock, the one `process.hrtime` reads. */
  startTime: number;
  endTime: number;
  /** The node on top of the stack at each sample. */
  samples: number[];
  /** Microseconds since the previous sample (the first: since startTime). */
  timeDeltas: number[];
}

/** Where a bundled function came from: its source file, relative to the workspace, and line (1-based). */
export type Locate = (url: string, line: number, column: number) => string | undefined;

export interface SelfTime {
  /** The function, or V8's pseudo-frame: `(garbage collector)`, `(program)`. */
  name: string;
  /** Its module: an npm package, a workspace folder (`libs/platform/observability`), `node:http`, or V8. */
  module: string;
  /** Where it is defined, for a reader to open. */
  location: string;
  selfMs: number;
  /** Of the busy (non-idle) time in the window. */
  share: number;
}

export interface ProfileSummary {
  windowMs: number;
  /** The window less the thread's idle time: what the process spent doing anything. */
  busyMs: number;
  byModule: { module: string; selfMs: number; share: number }[];
  /** The busiest functions, most self time first. */
  byFunction: SelfTime[];
}

export interface ProfileWindow {
  /** process.hrtime.bigint() / 1000n at the window's start and end, as numbers. */
  fromUs: number;
  toUs: number;
}

const IDLE = '(idle)';
const V8 = 'V8 and native code';

function moduleOf(url: string, source: string | undefined): string {
  if (source !== undefined) {
    const workspace = /^(apps\/[^/]+\/src\/[^/]+|libs\/[^/]+\/[^/]+)/.exec(source);
    if (workspace) return workspace[1].replace('/src/', ': ');
  }
  if (url === '') return V8;
  if (url.startsWith('node:')) {
    // node:_http_outgoing and node:internal/http/... are both http; node:internal/streams/... is streams.
    const [segment] = url
      .slice('node:'.length)
      .replace(/^internal\//, '')
      .split('/');
    return `node:${segment.replace(/^_(http|stream|tls)_.*$/, '$1')}`;
  }
  if (url.includes('/node_modules/')) {
    const packagePath = url.slice(url.lastIndexOf('/node_modules/') + '/node_modules/'.length);
    const [scopeOrName, name] = packagePath.split('/');
    return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName;
  }
  return url.replace(/^file:\/\//, '');
}

function locationOf(url: string, line: number, source: string | undefined): string {
  if (source !== undefined) return source;
  if (url === '') return '–';
  const shortened = url.includes('/node_modules/')
    ? url.slice(url.lastIndexOf('/node_modules/') + 1)
    : url.replace(/^file:\/\//, '');
  return `${shortened}:${line + 1}`;
}

/**
 * Self time by function and by module over the samples taken inside `window` (the whole profile
 * when absent); each sample counts for the time until the next one (the last: until the profile
 * ends), as DevTools counts it.
 */
export function summariseProfile(
  profile: CpuProfile,
  window: ProfileWindow | undefined,
  locate: Locate = () => undefined,
  top = 15,
): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUsByNode = new Map<number, number>();
  let at = profile.startTime;
  const fromUs = window?.fromUs ?? profile.startTime;
  const toUs = window?.toUs ?? profile.endTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    at += profile.timeDeltas[index];
    const until =
      index + 1 < profile.samples.length ? at + profile.timeDeltas[index + 1] : profile.endTime;
    if (at < fromUs || at >= toUs) continue;
    const node = profile.samples[index];
    selfUsByNode.set(node, (selfUsByNode.get(node) ?? 0) + (until - at));
  }

  const functions = new Map<string, Omit<SelfTime, 'share'>>();
  for (const [id, selfUs] of selfUsByNode) {
    const { functionName, url, lineNumber, columnNumber } = (
      nodes.get(id) as CpuProfile['nodes'][number]
    ).callFrame;
    // Waiting for work is not work: busy time is the rest.
    if (functionName === IDLE) continue;
    const source = url === '' ? undefined : locate(url, lineNumber, columnNumber);
    const key = `${functionName}\u0000${url}\u0000${lineNumber}\u0000${columnNumber}`;
    const entry = functions.get(key) ?? {
      name: functionName || '(anonymous)',
      module: moduleOf(url, source),
      location: locationOf(url, lineNumber, source),
      selfMs: 0,
    };
    entry.selfMs += selfUs / 1000;
    functions.set(key, entry);
  }

  const windowMs = (toUs - fromUs) / 1000;
  const busyMs = [...functions.values()].reduce((sum, entry) => sum + entry.selfMs, 0);
  const share = (selfMs: number) => (busyMs > 0 ? selfMs / busyMs : 0);
  const modules = new Map<string, number>();
  for (const entry of functions.values())
    modules.set(entry.module, (modules.get(entry.module) ?? 0) + entry.selfMs);
  return {
    windowMs,
    busyMs,
    byModule: [...modules]
      .map(([module, selfMs]) => ({ module, selfMs, share: share(selfMs) }))
      .sort((a, b) => b.selfMs - a.selfMs),
    byFunction: [...functions.values()]
      .map((entry) => ({ ...entry, share: share(entry.selfMs) }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top),
  };
}

/**
 * Maps positions in a webpack bundle back to the workspace's sources through its `.map` file
 * (Node's own SourceMap reader), so a profile names `libs/platform/...`, not `main.js:4012`.
 */
export function bundleLocator(bundlePath: string): Locate {
  const mapFile = `${bundlePath}.map`;
  if (!existsSync(mapFile)) return () => undefined;
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
  const bundleUrl = pathToFileURL(bundlePath).href;
  return (url, line, column) => {
    if (url !== bundleUrl && url !== bundlePath) return undefined;
    const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    if (entry.originalSource === undefined || entry.originalLine === undefined) return undefined;
    const source = entry.originalSource.replace(/^webpack:\/\/\/(\.\/)?/, '');
    return `${source}:${entry.originalLine + 1}`;
  };
}

/** The one profile `--cpu-prof` wrote into a directory of its own. */
export function readOnlyProfile(directory: string): CpuProfile {
  const files = readdirSync(directory).filter((file) => file.endsWith('.cpuprofile'));
  if (files.length !== 1)
    throw new Error(`expected one .cpuprofile in ${directory}, found ${files.length}`);
  return JSON.parse(readFileSync(join(directory, files[0]), 'utf8')) as CpuProfile;
}
