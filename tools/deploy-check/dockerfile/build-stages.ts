import { From, type Add, type Copy, type Dockerfile, type Instruction } from 'dockerfile-ast';

/** One FROM and the instructions that follow it. */
export interface BuildStage {
  readonly index: number;
  readonly name: string | undefined;
  /** What the FROM builds on: an image such as node:20.19.5-bookworm-slim, or an earlier stage. */
  readonly base: string;
  readonly from: From;
  readonly instructions: Instruction[];
}

export function buildStagesOf(dockerfile: Dockerfile): BuildStage[] {
  const stages: BuildStage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof From) {
      stages.push({
        index: stages.length,
        name: instruction.getBuildStage() ?? undefined,
        base: instruction.getImage() ?? '',
        from: instruction,
        instructions: [],
      });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** The stage a FROM or COPY --from names (by name or index), if it is defined before `beforeIndex`. */
export function earlierStage(
  stages: readonly BuildStage[],
  reference: string,
  beforeIndex: number,
): BuildStage | undefined {
  const earlier = stages.slice(0, beforeIndex);
  return /^\d+$/.test(reference)
    ? earlier[Number(reference)]
    : earlier.find(({ name }) => name?.toLowerCase() === reference.toLowerCase());
}

export function lineOf(instruction: Instruction): string {
  return `line ${instruction.getRange().start.line + 1}`;
}

/**
 * The stages that become images someone runs: the final stage, and any stage that says what to
 * run (CMD or ENTRYPOINT), such as the migrations image.
 */
export function runnableStages(stages: readonly BuildStage[]): BuildStage[] {
  return stages.filter(
    (stage) =>
      stage.index === stages.length - 1 ||
      stage.instructions.some((i) => /^(CMD|ENTRYPOINT)$/i.test(i.getKeyword())),
  );
}

/** The stage and every earlier stage it builds on, nearest first: all of them end up in its image. */
export function lineageOf(stages: readonly BuildStage[], stage: BuildStage): BuildStage[] {
  const parent = earlierStage(stages, stage.base, stage.index);
  return [stage, ...(parent ? lineageOf(stages, parent) : [])];
}

/** Every argument but the destination; here-documents and URLs are not files in the context. */
export function sourcesOf(instruction: Copy | Add): string[] {
  const json = instruction.getJSONStrings().map((argument) => argument.getValue());
  const values =
    json.length > 0 ? json : instruction.getArguments().map((argument) => argument.getValue());
  return values
    .slice(0, -1)
    .filter((source) => !source.startsWith('<<') && !/^[a-z]+:\/\/|^git@/.test(source));
}
