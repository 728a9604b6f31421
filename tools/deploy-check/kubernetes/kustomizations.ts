import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Problem } from '../problem';
import { isMapping, listOf } from '../yaml-documents';
import { KUSTOMIZATION_FILE_NAMES, type Kustomization } from './manifests';
import { looksSecret } from './secret-names';

interface Reference {
  readonly path: string;
  readonly target: string;
}

/** Files kustomize applies as patches: partial resources, not to be validated as whole ones. */
export function patchFilesOf(kustomizations: readonly Kustomization[]): Set<string> {
  return new Set(
    kustomizations.flatMap((kustomization) =>
      patchReferences(kustomization).map(({ target }) => target),
    ),
  );
}

export function kustomizationProblems(
  root: string,
  kustomizations: readonly Kustomization[],
): Problem[] {
  return kustomizations.flatMap((kustomization) => {
    const problem = (path: string, message: string): Problem => ({
      file: kustomization.file,
      path,
      message,
    });
    const exists = (target: string) => existsSync(join(root, target));
    const isFile = (target: string) => exists(target) && statSync(join(root, target)).isFile();
    const isKustomizationDir = (target: string) =>
      KUSTOMIZATION_FILE_NAMES.some((name) => isFile(posix.join(target, name)));

    return [
      ...references(kustomization, 'resources')
        .filter(({ target }) => !isFile(target) && !isKustomizationDir(target))
        .map(({ path, target }) =>
          problem(path, `"${target}" is neither a file nor a folder with a kustomization`),
        ),
      ...references(kustomization, 'components')
        .filter(({ target }) => !isKustomizationDir(target))
        .map(({ path, target }) =>
          problem(path, `"${target}" is not a folder with a kustomization`),
        ),
      ...patchReferences(kustomization)
        .filter(({ target }) => !exists(target))
        .map(({ path, target }) => problem(path, `patch "${target}" does not exist`)),
      ...generatorSources(kustomization, 'configMapGenerator')
        .filter(({ target }) => !exists(target))
        .map(({ path, target }) => problem(path, `"${target}" does not exist`)),
      // The real file is gitignored; its committed .example twin tells a newcomer which keys to fill in.
      ...generatorSources(kustomization, 'secretGenerator')
        .filter(({ target }) => !exists(`${target}.example`))
        .map(({ path, target }) =>
          problem(path, `"${target}" has no committed "${target}.example" listing its keys`),
        ),
      ...generatorLiterals(kustomization, 'secretGenerator').map(({ path }) =>
        problem(path, 'a secret value is committed; read it from a gitignored env file instead'),
      ),
      ...generatorLiterals(kustomization, 'configMapGenerator')
        .filter(({ key }) => looksSecret(key))
        .map(({ path, key }) =>
          problem(path, `${key} looks like a credential; put it in a Secret`),
        ),
    ];
  });
}

function pathFromRoot(kustomization: Kustomization, entry: string): string {
  return posix.join(posix.dirname(kustomization.file), entry);
}

/** Local paths under a key; remote bases (URLs, git references) are kustomize's to fetch. */
function references(kustomization: Kustomization, key: 'resources' | 'components'): Reference[] {
  const entries = kustomization.content[key];
  return listOf(entries)
    .map((entry, index) => ({ entry: String(entry), path: `${key}[${index}]` }))
    .filter(({ entry }) => !/^[a-z]+:\/\/|^github\.com\/|\?ref=/.test(entry))
    .map(({ entry, path }) => ({ path, target: pathFromRoot(kustomization, entry) }));
}

function patchReferences(kustomization: Kustomization): Reference[] {
  return ['patches', 'patchesJson6902', 'patchesStrategicMerge'].flatMap((key) => {
    const entries = kustomization.content[key];
    return listOf(entries).flatMap((entry: unknown, index) => {
      // patchesStrategicMerge entries are paths or inline YAML; inline patches have no file.
      const path = isMapping(entry)
        ? entry['path']
        : typeof entry === 'string' && !entry.includes('\n')
          ? entry
          : undefined;
      return typeof path === 'string'
        ? [{ path: `${key}[${index}]`, target: pathFromRoot(kustomization, path) }]
        : [];
    });
  });
}

type Generator = 'configMapGenerator' | 'secretGenerator';

function generatorsOf(kustomization: Kustomization, generator: Generator) {
  const generators = kustomization.content[generator];
  return listOf(generators).flatMap((definition: unknown, index) =>
    isMapping(definition) ? [{ definition, path: `${generator}[${index}]` }] : [],
  );
}

/** Files and env files a generator reads; a `files` entry may be `key=path`. */
function generatorSources(kustomization: Kustomization, generator: Generator): Reference[] {
  return generatorsOf(kustomization, generator).flatMap(({ definition, path }) =>
    ['files', 'envs'].flatMap((key) => {
      const entries = definition[key];
      return listOf(entries).map((entry, index) => ({
        path: `${path}.${key}[${index}]`,
        target: pathFromRoot(kustomization, String(entry).split('=').at(-1) ?? ''),
      }));
    }),
  );
}

function generatorLiterals(kustomization: Kustomization, generator: Generator) {
  return generatorsOf(kustomization, generator).flatMap(({ definition, path }) => {
    const literals = definition['literals'];
    return listOf(literals).map((literal, index) => ({
      path: `${path}.literals[${index}]`,
      key: String(literal).split('=')[0],
    }));
  });
}
