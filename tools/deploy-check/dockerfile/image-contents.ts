import { Add, Copy, Run, type Instruction } from 'dockerfile-ast';
import type { Problem } from '../problem';
import { lineageOf, lineOf, runnableStages, sourcesOf, type BuildStage } from './build-stages';

// The TypeScript toolchain runs sources; an image runs what the build compiled.
const TYPESCRIPT_RUNNERS = /(^|[\s"'/[,])(tsx|ts-node|@swc-node\/register)(?=$|[\s"',\]])/;
const PACKAGE_INSTALL = /\bnpm\s+(ci|install|i)\b/;

/**
 * What a runnable image carries, through every stage it builds on: only build output copied from a
 * build stage (a dist/ folder), production dependencies, and no TypeScript runner. The workspace's
 * sources, its dev dependencies and tsx stay in the build stages.
 */
export function imageContentProblems(file: string, stages: readonly BuildStage[]): Problem[] {
  const problems = new Map<string, Problem>();
  for (const image of runnableStages(stages)) {
    const name = `the "${image.name ?? image.index}" image`;
    for (const stage of lineageOf(stages, image)) {
      for (const instruction of stage.instructions) {
        for (const message of instructionProblems(name, instruction)) {
          const problem = { file, path: lineOf(instruction), message };
          problems.set(`${problem.path} ${message}`, problem);
        }
      }
    }
  }
  return [...problems.values()];
}

function instructionProblems(image: string, instruction: Instruction): string[] {
  const text = instruction.getTextContent();
  const problems: string[] = [];
  if (instruction instanceof Copy || instruction instanceof Add) {
    const from = instruction instanceof Copy ? instruction.getFromFlag()?.getValue() : undefined;
    for (const source of sourcesOf(instruction)) {
      if (from === undefined) {
        problems.push(
          `${image} copies "${source}" from the build context; an image takes only build output, copied from a build stage`,
        );
      } else if (!/(^|\/)dist(\/|$)/.test(source)) {
        problems.push(
          `${image} copies "${source}" from ${from}, which is not build output (a dist/ folder)`,
        );
      }
    }
  }
  if (instruction instanceof Run && PACKAGE_INSTALL.test(text) && !/--omit=dev\b/.test(text)) {
    problems.push(`${image} installs dev dependencies; install with npm ci --omit=dev`);
  }
  if (/^(RUN|CMD|ENTRYPOINT)$/i.test(instruction.getKeyword()) && TYPESCRIPT_RUNNERS.test(text)) {
    problems.push(`${image} runs TypeScript sources; an image runs the compiled JavaScript`);
  }
  return problems;
}
