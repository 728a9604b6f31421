import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Problem } from './problem';

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface YamlDocuments {
  /** Each document as plain data; an empty document (only comments) is null. */
  readonly documents: unknown[];
  readonly problems: Problem[];
}

/** Reads every document of a YAML file; syntax errors become problems instead of exceptions. */
export async function readYamlDocuments(root: string, file: string): Promise<YamlDocuments> {
  const text = await readFile(join(root, file), 'utf8');
  // Merge keys (<<: *defaults) are part of the YAML that Compose and kubectl accept.
  const documents = parseAllDocuments(text, { merge: true });
  const problems = documents.flatMap((document) =>
    document.errors.map((error) => ({
      file,
      message: `invalid YAML: ${error.message.split('\n')[0]}`,
    })),
  );
  return { documents: documents.map((document) => document.toJS()), problems };
}

/** A YAML sequence as an array; anything else (absent, or the wrong type) as an empty one. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value under a chain of keys, or undefined where any link is missing. */
export function lookup(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (current, key) => (isMapping(current) ? current[key] : undefined),
    value,
  );
}
