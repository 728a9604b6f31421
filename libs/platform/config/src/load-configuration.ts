import type { z } from 'zod';
import { ConfigurationError, type ConfigurationProblem } from './configuration-error';

/**
 * Parses the environment against a service's schema and returns typed values, or throws a
 * `ConfigurationError` listing every missing or invalid variable. Empty strings count as
 * unset, so `FOO=` in a compose file falls back to the default instead of failing oddly.
 */
export function loadConfiguration<TSchema extends z.ZodObject>(
  schema: TSchema,
  source: NodeJS.ProcessEnv = process.env,
): z.output<TSchema> {
  const provided = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(provided);
  if (result.success) return result.data;

  const problems = result.error.issues.map((issue): ConfigurationProblem => {
    const [variable, ...within] = issue.path.map(String);
    const missing = variable !== undefined && provided[variable] === undefined;
    return {
      variable: variable ?? '(environment)',
      problem: missing
        ? 'missing'
        : within.length > 0
          ? `entry ${within.join('.')} ${issue.message}`
          : issue.message,
      expected: variable === undefined ? undefined : schema.shape[variable]?.description,
    };
  });
  throw new ConfigurationError(problems);
}
