import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { Add, Copy, DockerfileParser, User, type Instruction } from 'dockerfile-ast';
import { unpinnedImageReason } from '../image-reference';
import type { Problem } from '../problem';
import {
  buildStagesOf,
  earlierStage,
  lineOf,
  runnableStages,
  sourcesOf,
  type BuildStage,
} from './build-stages';
import { BuildContextFilter, DOCKERIGNORE_FILE } from './dockerignore';
import { imageContentProblems } from './image-contents';
import { runtimeEnvironmentProblems } from './runtime-environment';

export const DOCKERFILE = 'Dockerfile';

/**
 * Checks the Dockerfile under root (the build context): stage references, pinned base images,
 * sources that exist and survive .dockerignore, images that do not run as root, and images that
 * carry only build output and production dependencies.
 */
export async function checkDockerfile(root: string): Promise<Problem[]> {
  if (!existsSync(join(root, DOCKERFILE))) {
    return [{ file: DOCKERFILE, message: 'is missing' }];
  }
  const stages = buildStagesOf(
    DockerfileParser.parse(await readFile(join(root, DOCKERFILE), 'utf8')),
  );
  if (stages.length === 0) {
    return [{ file: DOCKERFILE, message: 'has no FROM instruction' }];
  }
  const context = BuildContextFilter.read(root);
  return [
    ...stages.flatMap((stage) => [
      ...baseProblems(stages, stage),
      ...stage.instructions.flatMap((instruction) =>
        copyProblems(root, context, stages, stage, instruction),
      ),
    ]),
    ...finalUserProblems(stages),
    ...imageContentProblems(DOCKERFILE, stages),
    ...runtimeEnvironmentProblems(DOCKERFILE, stages),
  ];
}

function problemAt(instruction: Instruction, message: string): Problem {
  return { file: DOCKERFILE, path: lineOf(instruction), message };
}

/** FROM names an earlier stage or a pinned image; a later stage's name would be pulled as an image. */
function baseProblems(stages: readonly BuildStage[], stage: BuildStage): Problem[] {
  if (earlierStage(stages, stage.base, stage.index)) {
    return [];
  }
  if (
    stages.some(
      ({ name, index }) => index > stage.index && name?.toLowerCase() === stage.base.toLowerCase(),
    )
  ) {
    return [problemAt(stage.from, `FROM ${stage.base} names a stage that is defined later`)];
  }
  if (stage.base.includes('$')) {
    return [
      problemAt(
        stage.from,
        `FROM ${stage.base} hides the image in a build argument; name the pinned image`,
      ),
    ];
  }
  const unpinned = unpinnedImageReason(stage.base);
  return unpinned ? [problemAt(stage.from, unpinned)] : [];
}

function copyProblems(
  root: string,
  context: BuildContextFilter,
  stages: readonly BuildStage[],
  stage: BuildStage,
  instruction: Instruction,
): Problem[] {
  if (!(instruction instanceof Copy || instruction instanceof Add)) {
    return [];
  }
  const from = instruction instanceof Copy ? instruction.getFromFlag()?.getValue() : undefined;
  if (typeof from === 'string') {
    return stageReferenceProblems(stages, stage, instruction, from);
  }
  return sourcesOf(instruction).flatMap((source) =>
    sourceProblems(root, context, instruction, source),
  );
}

/** `--from` takes a stage name, a stage index, or an image reference (which has a tag or a registry). */
function stageReferenceProblems(
  stages: readonly BuildStage[],
  stage: BuildStage,
  instruction: Instruction,
  from: string,
): Problem[] {
  if (earlierStage(stages, from, stage.index)) {
    return [];
  }
  if (/[:/@]/.test(from)) {
    const unpinned = unpinnedImageReason(from);
    return unpinned ? [problemAt(instruction, unpinned)] : [];
  }
  return [problemAt(instruction, `--from=${from} names no earlier build stage`)];
}

function sourceProblems(
  root: string,
  context: BuildContextFilter,
  instruction: Instruction,
  source: string,
): Problem[] {
  // Build arguments and wildcards are resolved by the build itself.
  if (/[$*?[]/.test(source)) {
    return [];
  }
  const path = posix.normalize(source);
  if (path === '..' || path.startsWith('../')) {
    return [problemAt(instruction, `"${source}" lies outside the build context`)];
  }
  if (!existsSync(join(root, path))) {
    return [problemAt(instruction, `"${source}" does not exist in the build context`)];
  }
  if (context.excludes(path)) {
    return [
      problemAt(
        instruction,
        `"${source}" is excluded from the build context by ${DOCKERIGNORE_FILE}`,
      ),
    ];
  }
  return [];
}

/** Every image that is run (see runnableStages) runs as its last USER, inherited through stages. */
function finalUserProblems(stages: readonly BuildStage[]): Problem[] {
  const finalStage = stages[stages.length - 1];
  return runnableStages(stages)
    .filter((stage) => {
      const user = effectiveUser(stages, stage);
      return user === undefined || /^(root|0)(:|$)/.test(user);
    })
    .map((stage) =>
      problemAt(
        stage.from,
        `the ${stage === finalStage ? 'final' : `"${stage.name ?? stage.index}"`} stage runs as root; switch to a non-root USER (numeric, for runAsNonRoot)`,
      ),
    );
}

function effectiveUser(stages: readonly BuildStage[], stage: BuildStage): string | undefined {
  const own = stage.instructions
    .filter((instruction) => instruction instanceof User)
    .at(-1)
    ?.getArguments()[0]
    ?.getValue();
  const parent = earlierStage(stages, stage.base, stage.index);
  return own ?? (parent ? effectiveUser(stages, parent) : undefined);
}
