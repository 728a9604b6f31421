/** The bare server answers the very codes the shortener answers, handed over in this variable as JSON pairs. */
export const LINKS_VARIABLE = 'BENCH_LINKS';

/** Where the bare server answers 200, so the process starter knows it listens. */
export const READY_PATH = '/ready';

export function linksToEnvironment(links: ReadonlyMap<string, string>): NodeJS.ProcessEnv {
  return { [LINKS_VARIABLE]: JSON.stringify([...links]) };
}

export function linksFromEnvironment(): Map<string, string> {
  const json = process.env[LINKS_VARIABLE];
  if (json === undefined) throw new Error(`${LINKS_VARIABLE} is not set`);
  return new Map(JSON.parse(json) as [string, string][]);
}
