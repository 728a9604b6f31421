import { Env } from 'dockerfile-ast';
import {
  IMAGE_RUNTIME_ENVIRONMENT,
  RUNTIME_STAGE,
} from '../../workspace/image-runtime-environment';
import type { Problem } from '../problem';
import { lineOf, type BuildStage } from './build-stages';

/** The runtime stage sets the memory settings the benchmarks measure with, to the same values. */
export function runtimeEnvironmentProblems(file: string, stages: readonly BuildStage[]): Problem[] {
  const runtime = stages.find(({ name }) => name?.toLowerCase() === RUNTIME_STAGE);
  if (!runtime) return [{ file, message: `has no "${RUNTIME_STAGE}" stage` }];
  const set = new Map<string, string | null>();
  for (const instruction of runtime.instructions)
    if (instruction instanceof Env)
      for (const property of instruction.getProperties())
        set.set(property.getName(), property.getValue());
  return Object.entries(IMAGE_RUNTIME_ENVIRONMENT).flatMap(([name, expected]) => {
    const value = set.get(name);
    if (value === expected) return [];
    return [
      {
        file,
        path: lineOf(runtime.from),
        message:
          value === undefined
            ? `the ${RUNTIME_STAGE} stage does not set ${name}=${expected} (tools/workspace/image-runtime-environment.ts)`
            : `the ${RUNTIME_STAGE} stage sets ${name}=${value}, but the benchmarks measure with ${expected} (tools/workspace/image-runtime-environment.ts)`,
      },
    ];
  });
}
