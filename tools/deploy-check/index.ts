import { checkCompose } from './compose/check-compose';
import { checkDockerfile } from './dockerfile/check-dockerfile';
import { checkKubernetes } from './kubernetes/check-kubernetes';
import type { Problem } from './problem';

export { checkCompose, checkDockerfile, checkKubernetes };
export { formatProblem, type Problem } from './problem';

/** Every deployment file under root: docker-compose.yml, k8s/ and the Dockerfile, problems sorted by file. */
export async function checkDeployment(root: string): Promise<Problem[]> {
  const problems = await Promise.all([
    checkCompose(root),
    checkKubernetes(root),
    checkDockerfile(root),
  ]);
  return problems.flat().sort((first, second) => first.file.localeCompare(second.file));
}
