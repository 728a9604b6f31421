/** The same server as DATABASE_URL, pointed at one service's database. */
export function databaseUrlFor(database: string, serverUrl = process.env.DATABASE_URL): string {
  const url = new URL(serverUrl ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}
