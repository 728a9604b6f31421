import { binary, runCommand } from '../workspace/command';
import type { Tally } from './tally';

/** Code files Prettier keeps in one style (configuration, docs and manifests are left to their authors). */
export const formattedSources = ['**/*.{ts,js,mjs}'];

export async function checkFormatting(): Promise<Tally> {
  const { exitCode } = await runCommand(binary('prettier'), [
    '--check',
    '--log-level=warn',
    ...formattedSources,
  ]);
  return exitCode === 0
    ? { passed: 1, failed: 0, skipped: 0 }
    : { passed: 0, failed: 1, skipped: 0 };
}
