import type { SendMailJob } from '@capstone/contracts';
import type { JobEnvelope } from '@capstone/platform/queues';
import { awaitQueueJob } from '@capstone/platform/testing';
import { randomInt, randomUUID } from 'node:crypto';
import type { AuthServiceUnderTest } from './auth-service';

export interface TestAccount {
  email: string;
  username: string;
  password: string;
}

export interface LoggedIn {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  userId: string;
  setCookie: string[];
}

/** A fresh, unique account each call, with a password the policy accepts. */
export function newAccount(): TestAccount {
  const id = randomUUID().slice(0, 8);
  return {
    email: `user-${id}@example.com`,
    username: `user_${id}`,
    password: `violet sky ${id} tea`,
  };
}

/** A client address of its own, so one test's requests never spend another's per-IP allowance. */
export function newClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export async function register(
  service: AuthServiceUnderTest,
  account = newAccount(),
): Promise<TestAccount> {
  await service.http
    .post('/api/auth/v1/accounts')
    .set('X-Forwarded-For', newClientIp())
    .send(account)
    .expect(202);
  return account;
}

export async function logIn(
  service: AuthServiceUnderTest,
  { email, password }: Pick<TestAccount, 'email' | 'password'>,
): Promise<LoggedIn> {
  const response = await service.http
    .post('/api/auth/v1/sessions')
    .set('X-Forwarded-For', newClientIp())
    .send({ email, password })
    .expect(201);
  return {
    accessToken: response.body.accessToken,
    refreshToken: response.body.refreshToken,
    sessionId: response.body.sessionId,
    userId: response.body.user.id,
    setCookie: [response.headers['set-cookie'] ?? []].flat(),
  };
}

export async function registerAndLogIn(
  service: AuthServiceUnderTest,
): Promise<TestAccount & LoggedIn> {
  const account = await register(service);
  return { ...account, ...(await logIn(service, account)) };
}

/** The mail job of this template sent to this address, once it is on the queue. */
export async function mailTo(
  service: AuthServiceUnderTest,
  email: string,
  template: SendMailJob['template'],
  options: { excluding?: string[] } = {},
): Promise<SendMailJob & { jobId?: string }> {
  const job = await awaitQueueJob<JobEnvelope<SendMailJob>>(
    service.mailQueue,
    ({ id, data: { payload } }) =>
      payload.to.email === email &&
      payload.template === template &&
      !(options.excluding ?? []).includes(id ?? ''),
  );
  return { ...job.data.payload, jobId: job.id };
}

/** The secret in an emailed link's fragment (`#token=...`). */
export function tokenInLink(url: string): string {
  return new URL(url).hash.replace(/^#token=/, '');
}
