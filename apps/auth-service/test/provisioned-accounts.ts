import { NestFactory } from '@nestjs/core';
import { ProvisioningModule } from '../src/admin/provisioning/provisioning.module';
import {
  UserProvisioning,
  type ProvisionedAccount,
} from '../src/admin/provisioning/user-provisioning.service';
import type { AuthServiceUnderTest } from './auth-service';

export const TEST_PASSWORD = 'a perfectly long test passphrase';

/** A signed-in account: its id and the credentials an HTTP client sends. */
export interface SignedIn {
  userId: string;
  email: string;
  accessToken: string;
  refreshToken: string;
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

export async function logIn(service: AuthServiceUnderTest, email: string): Promise<SignedIn> {
  const { body } = await service.http
    .post('/api/auth/v1/sessions')
    .send({ email, password: TEST_PASSWORD })
    .expect(201);
  return {
    userId: body.user.id,
    email,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    bearer: { Authorization: `Bearer ${body.accessToken}` },
  };
}

/** A new account with the user role, signed in. */
export async function provisionAndLogIn(
  service: AuthServiceUnderTest,
  username: string,
  options: { admin?: boolean } = {},
): Promise<SignedIn> {
  const email = `${username}@example.com`;
  await provisionAccounts(service, [{ email, username, admin: options.admin ?? false }]);
  return logIn(service, email);
}
