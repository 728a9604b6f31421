import { existsSync } from 'node:fs';

/**
 * Local development: values in `.env` fill in what the real environment leaves unset
 * (a variable that is already set always wins). Deployments set real variables and ship no file.
 */
export function loadEnvironmentFile(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
