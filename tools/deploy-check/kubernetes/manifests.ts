import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Problem } from '../problem';
import { isMapping, lookup, readYamlDocuments, type Mapping } from '../yaml-documents';

export const KUBERNETES_DIR = 'k8s';

export const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** One YAML document from a file under k8s/ that is not a kustomization. */
export interface Manifest {
  readonly file: string;
  readonly resource: Mapping;
}

export interface Kustomization {
  readonly file: string;
  readonly content: Mapping;
}

export interface KubernetesTree {
  readonly kustomizations: readonly Kustomization[];
  readonly manifests: readonly Manifest[];
  readonly problems: readonly Problem[];
}

export async function readKubernetesTree(root: string): Promise<KubernetesTree> {
  const entries = await readdir(join(root, KUBERNETES_DIR), { recursive: true });
  const files = entries
    .filter((entry) => /\.ya?ml$/.test(entry) || KUSTOMIZATION_FILE_NAMES.includes(basename(entry)))
    .map((entry) => `${KUBERNETES_DIR}/${entry.split('\\').join('/')}`)
    .sort();
  const read = await Promise.all(
    files.map(async (file) => ({ file, ...(await readYamlDocuments(root, file)) })),
  );

  const kustomizations: Kustomization[] = [];
  const manifests: Manifest[] = [];
  const problems: Problem[] = read.flatMap(({ problems }) => problems);
  for (const { file, documents } of read) {
    for (const document of documents) {
      if (document === null || document === undefined) {
        continue;
      }
      if (!isMapping(document)) {
        problems.push({ file, message: 'holds a document that is not a mapping' });
      } else if (KUSTOMIZATION_FILE_NAMES.includes(basename(file))) {
        kustomizations.push({ file, content: document });
      } else {
        manifests.push({ file, resource: document });
      }
    }
  }
  return { kustomizations, manifests, problems };
}

/** A resource's kind and name as kubectl prints them, e.g. StatefulSet/postgres. */
export function resourceName({ resource }: Manifest): string {
  return `${String(resource['kind'])}/${String(lookup(resource, 'metadata', 'name'))}`;
}

/** A problem located at a field of a resource, e.g. StatefulSet/postgres spec.template.spec. */
export function resourceProblem(manifest: Manifest, fieldPath: string, message: string): Problem {
  return {
    file: manifest.file,
    path: fieldPath ? `${resourceName(manifest)} ${fieldPath}` : resourceName(manifest),
    message,
  };
}
