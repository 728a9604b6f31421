import { infraSettings } from '../infra/settings';

/** The same server as DATABASE_URL (or the infra tool's default for it), pointed at one service's database. */
export function databaseUrlFor(
  database: string,
  serverUrl: string | URL = infraSettings().databaseUrl,
): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
