import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { exitWithFailure, runProvisioning } from './run-provisioning';

/**
 * npm run auth:create-admin -- --email ops@example.com --username ops
 * The password comes from AUTH_ADMIN_PASSWORD or standard input, never the command line,
 * where shell history and the process list would keep it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, username: { type: 'string' } },
  });
  const { email, username } = values;
  if (!email || !username) {
    throw new Error('usage: npm run auth:create-admin -- --email <email> --username <username>');
  }
  const password = process.env.AUTH_ADMIN_PASSWORD ?? (await text(process.stdin)).trim();
  await runProvisioning(async (provisioning) => {
    const outcome = await provisioning.ensure({ email, username, password, admin: true });
    console.log(`${email}: ${outcome}`);
  });
}

main().catch(exitWithFailure);
