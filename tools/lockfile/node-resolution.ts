/**
 * Where Node finds `name` for the package installed at `parentPath` (a lockfile key such as
 * `node_modules/a/node_modules/b`, or '' for the root): the parent's own node_modules, then each
 * enclosing one up to the root. Undefined when no listed path holds it.
 */
export function resolvedPath(
  packages: Readonly<Record<string, unknown>>,
  parentPath: string,
  name: string,
): string | undefined {
  let dir = parentPath;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (dir === '') return undefined;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut >= 0 ? dir.slice(0, cut) : '';
  }
}
