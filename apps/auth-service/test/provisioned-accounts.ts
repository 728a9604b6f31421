import { NestFactory } from '@nestjs/core';
import { ProvisioningModule } from '../src/admin/provisioning/provisioning.module';
import {
  UserProvisioning,
  type ProvisionedAccount,
} from '../src/admin/provisioning/user-provisioning.service';
import { logIn, type LoggedIn } from './accounts';
import type { AuthServiceUnderTest } from './auth-service';

export const TEST_PASSWORD = 'a perfectly long test passphrase';

/** A signed-in account, with the header that carries its access token. */
export interface SignedIn extends LoggedIn {
  email: string;
  bearer: { Authorization: string };
}

/** Creates accounts the way the seed and `auth:create-admin` do, in this service's database. */
export async function provisionAccounts(
  service: AuthServiceUnderTest,
  accounts: Omit<ProvisionedAccount, 'password'>[],
): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = service.database.url;
  const context = await NestFactory.createApplicationContext(ProvisioningModule, { logger: false });
  try {
    for (const account of accounts) {
      await context.get(UserProvisioning).ensure({ ...account, password: TEST_PASSWORD });
    }
  } finally {
    await context.close();
    process.env.DATABASE_URL = serverUrl;
  }
}

export async function logInProvisioned(
  service: AuthServiceUnderTest,
  email: string,
): Promise<SignedIn> {
  const session = await logIn(service, { email, password: TEST_PASSWORD });
  return { ...session, email, bearer: { Authorization: `Bearer ${session.accessToken}` } };
}

/** A provisioned account (a user, or an admin too), signed in. */
export async function provisionAndLogIn(
  service: AuthServiceUnderTest,
  username: string,
  options: { admin?: boolean } = {},
): Promise<SignedIn> {
  const email = `${username}@example.com`;
  await provisionAccounts(service, [{ email, username, admin: options.admin ?? false }]);
  return logInProvisioned(service, email);
}
