import { resolvedPath } from './node-resolution';
import { platformOf, type Platform } from './platform-packages';

interface LockEntry {
  version?: string;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

export interface Lockfile {
  packages: Record<string, LockEntry>;
}

export interface AddedEntry {
  path: string;
  version: string;
  platform: Platform;
}

const exactVersion = /^\d+\.\d+\.\d+(-[\w.]+)?$/;

/**
 * Our npm registry serves only the platforms our machines run on, so `npm install` silently leaves
 * other platforms' optional binaries (`@swc/core-darwin-arm64`, …) out of the lockfile and `npm ci`
 * then refuses it as out of sync. Recording them as optional entries for their platform is what
 * npm itself writes with a full registry; on this platform `npm ci` skips them without a download.
 */
export function completeLockfile(lock: Lockfile): AddedEntry[] {
  const added: AddedEntry[] = [];
  for (const [parentPath, parent] of Object.entries(lock.packages)) {
    for (const [name, spec] of Object.entries(parent.optionalDependencies ?? {})) {
      const platform = platformOf(name);
      if (!platform || !exactVersion.test(spec) || resolvedPath(lock.packages, parentPath, name))
        continue;
      const topLevel = `node_modules/${name}`;
      const path = lock.packages[topLevel] ? `${parentPath}/node_modules/${name}` : topLevel;
      lock.packages[path] = { version: spec, ...platform, optional: true };
      added.push({ path, version: spec, platform });
    }
  }
  return added;
}
