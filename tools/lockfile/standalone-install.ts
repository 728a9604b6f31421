import { resolvedPath } from './node-resolution';

interface LockedPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

export interface PackageLock {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
}

export interface StandaloneInstall {
  manifest: { name: string; version: string; private: true; dependencies: Record<string, string> };
  lockfile: PackageLock & { name: string; version: string; requires: true };
}

// The npm flags that describe a package's place in the workspace's tree, recomputed for the new one.
const TREE_FLAGS = ['dev', 'optional', 'devOptional', 'peer'] as const;

/**
 * A manifest and lockfile that install one package of the workspace on its own, at the version the
 * workspace lockfile pins, with exactly the packages it pulls in at the same tree positions: so a
 * devDependency such as the Prisma CLI can be an image's one production dependency, and `npm ci`
 * installs what the workspace tested.
 */
export function standaloneInstall(
  lock: PackageLock,
  packageName: string,
  name: string,
): StandaloneInstall {
  const rootPath = resolvedPath(lock.packages, '', packageName);
  if (!rootPath) throw new Error(`${packageName} is not installed at the top of the lockfile`);
  const required = reachable(lock, rootPath, false);
  const all = reachable(lock, rootPath, true);

  const packages: Record<string, LockedPackage> = {};
  for (const path of [...all].sort()) {
    const entry = { ...lock.packages[path] };
    for (const flag of TREE_FLAGS) delete entry[flag];
    packages[path] = required.has(path) ? entry : { ...entry, optional: true };
  }
  const version = '0.0.0';
  const dependencies = { [packageName]: lock.packages[rootPath].version ?? '' };
  return {
    manifest: { name, version, private: true, dependencies },
    lockfile: {
      name,
      version,
      lockfileVersion: lock.lockfileVersion,
      requires: true,
      packages: { '': { name, version, dependencies }, ...packages },
    },
  };
}

/** Every lockfile path the package at `from` needs, through optional edges too when asked. */
function reachable(lock: PackageLock, from: string, withOptional: boolean): Set<string> {
  const found = new Set<string>([from]);
  const pending = [from];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    const entry = lock.packages[path];
    for (const [dependency, isOptional] of edgesOf(entry)) {
      if (isOptional && !withOptional) continue;
      const target = resolvedPath(lock.packages, path, dependency);
      if (!target) {
        // npm leaves out optional packages of other platforms; a missing required one is a broken lock.
        if (isOptional) continue;
        throw new Error(`${path} needs ${dependency}, which the lockfile does not hold`);
      }
      if (!found.has(target)) {
        found.add(target);
        pending.push(target);
      }
    }
  }
  return found;
}

/**
 * A package's dependencies as [name, optional] pairs. npm installs peers too, except those marked
 * optional, which it installs only when something else asks for them.
 */
function edgesOf(entry: LockedPackage): [string, boolean][] {
  const peers = Object.keys(entry.peerDependencies ?? {}).filter(
    (name) => entry.peerDependenciesMeta?.[name]?.optional !== true,
  );
  return [
    ...[...Object.keys(entry.dependencies ?? {}), ...peers].map((name): [string, boolean] => [
      name,
      false,
    ]),
    ...Object.keys(entry.optionalDependencies ?? {}).map((name): [string, boolean] => [name, true]),
  ];
}
