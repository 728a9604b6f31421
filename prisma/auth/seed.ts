// npm run auth:seed — an admin and two demo users, through the same path as auth:create-admin.
// Idempotent: run it on every start; existing accounts keep their passwords.
import {
  exitWithFailure,
  runProvisioning,
} from '../../apps/auth-service/src/admin/provisioning/run-provisioning';

const env = process.env;
const DEV_PASSWORD = 'capstone-dev-password';

if (env.NODE_ENV === 'production' && (!env.SEED_ADMIN_PASSWORD || !env.SEED_DEMO_PASSWORD)) {
  exitWithFailure(
    new Error(
      'In production, set SEED_ADMIN_PASSWORD and SEED_DEMO_PASSWORD: the dev default is public',
    ),
  );
}

const accounts = [
  {
    email: env.SEED_ADMIN_EMAIL ?? 'admin@capstone.local',
    username: 'admin',
    password: env.SEED_ADMIN_PASSWORD ?? DEV_PASSWORD,
    admin: true,
  },
  {
    email: 'ada@capstone.local',
    username: 'ada',
    password: env.SEED_DEMO_PASSWORD ?? DEV_PASSWORD,
    admin: false,
  },
  {
    email: 'grace@capstone.local',
    username: 'grace',
    password: env.SEED_DEMO_PASSWORD ?? DEV_PASSWORD,
    admin: false,
  },
];

runProvisioning(async (provisioning) => {
  for (const account of accounts) {
    console.log(`${account.email}: ${await provisioning.ensure(account)}`);
  }
}).catch(exitWithFailure);
