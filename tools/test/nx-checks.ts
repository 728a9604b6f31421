import { binary, runCommand } from '../workspace/command';
import type { Tally } from './tally';

/** Targets every project is held to before its tests run; each project-target pair counts as one check. */
export const checkTargets = ['lint', 'typecheck', 'build'] as const;

async function projectsWithTarget(target: string): Promise<string[]> {
  const { exitCode, output } = await runCommand(
    binary('nx'),
    ['show', 'projects', '--with-target', target, '--json'],
    {
      capture: true,
    },
  );
  if (exitCode !== 0) throw new Error(`nx could not list the projects with a ${target} target`);
  return JSON.parse(output.slice(output.indexOf('['))) as string[];
}

/** Nx lists failures as `- project:target` lines under "Failed tasks:". */
export function failedTasks(nxOutput: string): string[] {
  const section = nxOutput.split(/Failed tasks:/)[1] ?? '';
  return [...section.matchAll(/^\s*-\s+(\S+:\S+)\s*$/gm)].map((match) => match[1]);
}

export async function runNxChecks(): Promise<Tally> {
  const projectCounts = await Promise.all(checkTargets.map(projectsWithTarget));
  const total = projectCounts.reduce((sum, projects) => sum + projects.length, 0);
  if (total === 0) return { passed: 0, failed: 0, skipped: 0 };

  const { exitCode, output } = await runCommand(
    binary('nx'),
    ['run-many', '-t', ...checkTargets, '--parallel=2', '--outputStyle=static'],
    { capture: true },
  );
  const failed = failedTasks(output).length || (exitCode === 0 ? 0 : 1);
  return { passed: total - failed, failed, skipped: 0 };
}
