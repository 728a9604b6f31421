import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../problem';
import { isMapping, readYamlDocuments } from '../yaml-documents';
import { appServiceProblems } from './app-services';
import { composeSchemaViolations } from './compose-schema';
import { COMPOSE_FILE } from './compose-model';
import { interpolateWithDefaults } from './interpolation';
import { serviceReferenceProblems } from './service-references';

/** Checks docker-compose.yml under root: the specification's schema, then what the schema cannot see. */
export async function checkCompose(root: string): Promise<Problem[]> {
  if (!existsSync(join(root, COMPOSE_FILE))) {
    return [{ file: COMPOSE_FILE, message: 'is missing' }];
  }
  const { documents, problems } = await readYamlDocuments(root, COMPOSE_FILE);
  if (problems.length > 0) {
    return problems;
  }
  const { value: compose, unresolved } = interpolateWithDefaults(documents[0]);
  const unresolvedProblems = unresolved.map(({ path, variable }) => ({
    file: COMPOSE_FILE,
    path,
    message: `\${${variable}} has no default; use \${${variable}:-<local default>} and document it in .env.example`,
  }));
  const schemaProblems = composeSchemaViolations(compose).map(({ path, message }) => ({
    file: COMPOSE_FILE,
    ...(path ? { path } : {}),
    message,
  }));
  if (!isMapping(compose)) {
    return [...unresolvedProblems, ...schemaProblems];
  }
  return [
    ...unresolvedProblems,
    ...schemaProblems,
    ...serviceReferenceProblems(compose),
    ...(await appServiceProblems(root, compose)),
  ];
}
