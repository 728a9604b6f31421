import { resolve } from 'node:path';
import { repoRoot } from '../workspace/paths';
import { checkDeployment, formatProblem } from './index';

// `npm run check:deploy` checks this repository; pass a folder to check another tree.
const root = resolve(process.argv[2] ?? repoRoot);

checkDeployment(root).then(
  (problems) => {
    for (const problem of problems) {
      console.error(formatProblem(problem));
    }
    console.log(
      problems.length === 0
        ? 'Deployment files are consistent.'
        : `${problems.length} deployment problem(s).`,
    );
    process.exitCode = problems.length === 0 ? 0 : 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
