import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

export const DOCKERIGNORE_FILE = '.dockerignore';

interface IgnoreRule {
  readonly pattern: RegExp;
  /** A `!pattern` line brings back what an earlier line excluded. */
  readonly reincludes: boolean;
}

/** The build-context filter of .dockerignore, with Docker's semantics (not .gitignore's). */
export class BuildContextFilter {
  private constructor(private readonly rules: readonly IgnoreRule[]) {}

  static read(root: string): BuildContextFilter {
    const file = join(root, DOCKERIGNORE_FILE);
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : [];
    const rules = lines
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const reincludes = line.startsWith('!');
        const pattern = posix.normalize(line.slice(reincludes ? 1 : 0).trim()).replace(/^\/+/, '');
        return { pattern: patternToRegExp(pattern), reincludes };
      });
    return new BuildContextFilter(rules);
  }

  /** Whether a path (relative to the context root) is left out; the last matching line wins. */
  excludes(path: string): boolean {
    const normalized = posix.normalize(path).replace(/^\.?\/+/, '');
    // A pattern that matches a folder excludes everything in it.
    const candidates = normalized
      .split('/')
      .map((_, index, parts) => parts.slice(0, index + 1).join('/'));
    return this.rules.reduce(
      (excluded, rule) =>
        candidates.some((candidate) => rule.pattern.test(candidate)) ? !rule.reincludes : excluded,
      false,
    );
  }
}

/** Go filepath.Match syntax (* ? [...]) plus `**` for any number of folders. */
function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (pattern.startsWith('**/', index)) {
      source += '(?:.*/)?';
      index += 2;
    } else if (pattern.startsWith('**', index)) {
      source += '.*';
      index += 1;
    } else if (character === '*') {
      source += '[^/]*';
    } else if (character === '?') {
      source += '[^/]';
    } else if (character === '[' && pattern.includes(']', index + 1)) {
      const end = pattern.indexOf(']', index + 1);
      source += `[${pattern.slice(index + 1, end).replace(/^!/, '^')}]`;
      index = end;
    } else if (character === '\\' && index + 1 < pattern.length) {
      index += 1;
      source += escape(pattern[index]);
    } else {
      source += escape(character);
    }
  }
  return new RegExp(`^${source}$`);
}

function escape(character: string): string {
  return character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
