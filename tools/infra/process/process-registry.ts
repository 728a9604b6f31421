import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Component } from '../component';
import type { ManagedProcess } from './detached-process';
import { isRunning } from './process-identity';

/** What capstone itself started, so `down` stops exactly that and never a server someone else runs. */
export interface ProcessRegistry {
  recorded(component: Component): ManagedProcess | undefined;
  /** The process capstone started for a component, if it is still that same process and still running. */
  managed(component: Component): ManagedProcess | undefined;
  record(component: Component, managed: ManagedProcess): void;
  forget(component: Component): void;
}

type Entries = Partial<Record<Component, ManagedProcess>>;

/** The registry kept in `file` (the data dir's infra/processes.json). */
export function processRegistry(file: string): ProcessRegistry {
  const recorded = (component: Component) => readEntries(file)[component];
  return {
    recorded,
    managed(component) {
      const entry = recorded(component);
      return entry && isRunning(entry) ? entry : undefined;
    },
    record(component, managed) {
      writeEntries(file, { ...readEntries(file), [component]: managed });
    },
    forget(component) {
      const entries = readEntries(file);
      if (!(component in entries)) return;
      delete entries[component];
      writeEntries(file, entries);
    },
  };
}

function readEntries(file: string): Entries {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entries;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Written beside and renamed into place, so a reader never sees half a file. */
function writeEntries(file: string, entries: Entries): void {
  mkdirSync(dirname(file), { recursive: true });
  const staged = `${file}.${process.pid}`;
  writeFileSync(staged, `${JSON.stringify(entries, null, 2)}\n`);
  renameSync(staged, file);
}
