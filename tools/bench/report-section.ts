import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const markers = (benchmark: string) => ({
  begin: `<!-- bench:${benchmark}:begin -->`,
  end: `<!-- bench:${benchmark}:end -->`,
});

/**
 * Replaces one benchmark's section of the results file (or appends it), leaving the other
 * benchmarks' sections alone. `body` is the Markdown between the markers.
 */
export function writeReportSection(file: string, benchmark: string, body: string): void {
  const { begin, end } = markers(benchmark);
  const section = `${begin}\n${body}\n${end}`;
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Benchmarks\n\nResults of `npm run bench -- <name>`, newest run per benchmark.\n';
  const start = current.indexOf(begin);
  const finish = current.indexOf(end);
  const next =
    start >= 0 && finish > start
      ? current.slice(0, start) + section + current.slice(finish + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
