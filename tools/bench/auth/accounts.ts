import { randomBytes, randomInt } from 'node:crypto';
import { call } from '../loopback-http';

export interface Account {
  email: string;
  password: string;
}

// Each request from its own address: a benchmark measures the service, not its per-IP rate limits.
export const fromNewAddress = () => ({
  'X-Forwarded-For': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
});

export async function registerAccount(url: string): Promise<Account> {
  const id = randomBytes(5).toString('hex');
  const account = {
    email: `bench-${id}@example.com`,
    username: `bench_${id}`,
    password: `bench passphrase ${id}`,
  };
  const { status } = await call({
    url: `${url}/api/auth/v1/accounts`,
    method: 'POST',
    headers: fromNewAddress(),
    body: account,
  });
  if (status !== 202) throw new Error(`registering a benchmark account answered ${status}`);
  return account;
}

export interface Login {
  accessToken: string;
  latencyMs: number;
}

export async function logIn(url: string, { email, password }: Account): Promise<Login> {
  const answer = await call({
    url: `${url}/api/auth/v1/sessions`,
    method: 'POST',
    headers: fromNewAddress(),
    body: { email, password },
  });
  if (answer.status !== 201)
    throw new Error(`a benchmark login answered ${answer.status}: ${answer.body}`);
  return { accessToken: JSON.parse(answer.body).accessToken, latencyMs: answer.latencyMs };
}
