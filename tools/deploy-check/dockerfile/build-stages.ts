import { From, type Dockerfile, type Instruction } from 'dockerfile-ast';

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
