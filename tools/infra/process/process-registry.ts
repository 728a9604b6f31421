import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Component } from '../component';
import { infraPaths } from '../infra-paths';
import type { ManagedProcess } from './detached-process';
import { isRunning } from './process-identity';

/** What capstone itself started, so `down` stops exactly that and never a server someone else runs. */
type Registry = Partial<Record<Component, ManagedProcess>>;

export function recordedProcess(component: Component): ManagedProcess | undefined {
  return readRegistry()[component];
}

/** The process capstone started for a component, if it is still that same process and still running. */
export function managedProcess(component: Component): ManagedProcess | undefined {
  const recorded = recordedProcess(component);
  return recorded && isRunning(recorded) ? recorded : undefined;
}

export function recordProcess(component: Component, managed: ManagedProcess): void {
  writeRegistry({ ...readRegistry(), [component]: managed });
}

export function forgetProcess(component: Component): void {
  const registry = readRegistry();
  if (!(component in registry)) return;
  delete registry[component];
  writeRegistry(registry);
}

function readRegistry(): Registry {
  try {
    return JSON.parse(readFileSync(infraPaths.registryFile, 'utf8')) as Registry;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Written beside and renamed into place, so a reader never sees half a file. */
function writeRegistry(registry: Registry): void {
  mkdirSync(dirname(infraPaths.registryFile), { recursive: true });
  const staged = `${infraPaths.registryFile}.${process.pid}`;
  writeFileSync(staged, `${JSON.stringify(registry, null, 2)}\n`);
  renameSync(staged, infraPaths.registryFile);
}
