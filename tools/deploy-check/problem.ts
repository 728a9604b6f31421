/** One thing wrong in a deployment file, located well enough to go and fix it. */
export interface Problem {
  /** The file, relative to the checked root, with forward slashes. */
  readonly file: string;
  /** Where in the file: a key path, a resource and field, or a line. */
  readonly path?: string;
  readonly message: string;
}

export function formatProblem({ file, path, message }: Problem): string {
  return path === undefined ? `${file} — ${message}` : `${file}: ${path} — ${message}`;
}
