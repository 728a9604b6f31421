import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments, type Document } from 'yaml';
import { repoRoot } from '../../workspace/paths';

export const FIXTURES = resolve(__dirname, '../fixtures');

const copies: string[] = [];

/** A throwaway copy of some deployment files, for a test to break exactly one thing in. */
export function copyDeployment(from: string, paths: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'deploy-check-'));
  for (const path of paths) {
    cpSync(join(from, path), join(root, path), { recursive: true });
  }
  // App environment schemas import zod; the copy resolves it from the repository, as the original does.
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  copies.push(root);
  return root;
}

export function removeCopies(): void {
  for (const root of copies.splice(0)) {
    rmSync(root, { recursive: true, force: true });
  }
}

export function editText(root: string, file: string, edit: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

/** Edits the YAML documents of a file in place through the yaml Document API. */
export function editYaml(root: string, file: string, edit: (documents: Document[]) => void): void {
  const path = join(root, file);
  const documents: Document[] = [...parseAllDocuments(readFileSync(path, 'utf8'))];
  edit(documents);
  writeFileSync(path, documents.map(String).join('---\n'));
}

/** The document of a multi-document file that defines the resource kind/name. */
export function resource(documents: readonly Document[], kind: string, name: string): Document {
  const found = documents.find(
    (document) => document.get('kind') === kind && document.getIn(['metadata', 'name']) === name,
  );
  if (found === undefined) {
    throw new Error(`no ${kind}/${name} in the file`);
  }
  return found;
}
