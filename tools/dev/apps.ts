import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../workspace/paths';

/** What `npm start` needs to run a service, read from `metadata.service` in its project.json. */
export interface RunnableApp {
  name: string;
  port: number;
  database?: string;
  entry: string;
}

interface ProjectJson {
  name: string;
  projectType?: string;
  metadata?: { service?: { port: number; database?: string } };
}

/** Every app under apps/ that declares a port joins the stack; no list here to keep in sync. */
export function runnableApps(root = repoRoot): RunnableApp[] {
  const appsDir = join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'project.json')))
    .map(
      (entry) =>
        JSON.parse(readFileSync(join(appsDir, entry.name, 'project.json'), 'utf8')) as ProjectJson,
    )
    .flatMap(({ name, projectType, metadata }) =>
      projectType === 'application' && metadata?.service
        ? [{ name, ...metadata.service, entry: join(root, 'dist', 'apps', name, 'main.js') }]
        : [],
    )
    .sort((a, b) => a.port - b.port);
}
