import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type BadInputCase, badInputCases } from './bad-input-cases';
import { type OpenApiDocument, type Operation, operationsOf } from './openapi-document';

/** Access tokens of a signed-in user and of an administrator. */
export interface ProbeTokens {
  user: string;
  admin: string;
}

export interface BadInputProbeOptions {
  /**
   * Called before each operation, so a case that ends its caller's session (log out) or changes
   * their password spoils no other operation.
   */
  signIn(): Promise<ProbeTokens>;
  /** Requests in flight at once (default 8: the machines that run the tests are small). */
  concurrency?: number;
  /**
   * A request unanswered this long is a hang (default 15 s). Generous on purpose: a real hang never
   * answers, while argon2 routes queued behind each other on a loaded 2-core CI machine can take seconds.
   */
  deadlineMs?: number;
  /** Refuse to start a run larger than this, so a growing API cannot slow the suite unnoticed. */
  maxRequests?: number;
}

export interface BadInputReport {
  operations: number;
  requests: number;
  /** How many answers of each status: a run of 401s or 429s means the cases never got past a guard. */
  statuses: Record<number, number>;
  /** One line per 5xx or unanswered request: the operation, the case, the caller and the answer. */
  findings: string[];
}

interface Caller {
  name: string;
  headers: Record<string, string>;
}

/**
 * Sends every operation in the service's own OpenAPI document (`GET /docs-json`) malformed JSON,
 * wrong types and nulls in every field, missing required fields, huge, unicode and injection strings,
 * odd path, query and header values — each anonymously, with a garbage token and with a user's
 * token (an admin's too where the user's is refused) — and reports every 5xx and every hang.
 * Bad input must answer 4xx. The app is listened on an ephemeral port, so requests cross a real socket.
 * A new service needs one spec: see this library's README.
 */
export async function probeBadInput(
  app: NestFastifyApplication,
  options: BadInputProbeOptions,
): Promise<BadInputReport> {
  const { concurrency = 8, deadlineMs = 15_000, maxRequests = 6000 } = options;
  if (!app.getHttpServer().listening) await app.listen(0, '127.0.0.1');
  const origin = await app.getUrl();
  const document = (await (await fetch(`${origin}/docs-json`)).json()) as OpenApiDocument;
  const operations = operationsOf(document).map((operation) => ({
    operation,
    cases: badInputCases(operation),
  }));
  if (operations.length === 0) throw new Error(`${origin}/docs-json lists no operations`);
  const planned = operations.reduce((sum, { cases }) => sum + cases.length * 3, 0);
  if (planned > maxRequests) {
    throw new Error(
      `The probe would send ${planned} requests, more than maxRequests (${maxRequests})`,
    );
  }

  const report: BadInputReport = {
    operations: operations.length,
    requests: 0,
    statuses: {},
    findings: [],
  };
  const send = async (operation: Operation, badCase: BadInputCase, caller: Caller) => {
    const answer = await answerTo(origin, operation, badCase, caller, deadlineMs);
    report.requests += 1;
    if (answer.status) report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
    if (answer.problem) {
      report.findings.push(
        `${operation.method} ${operation.path} — ${badCase.name}, ${caller.name}: ${answer.problem}`,
      );
    }
    return answer.status;
  };

  for (const { operation, cases } of operations) {
    const tokens = await options.signIn();
    const user = { name: 'as a user', headers: { Authorization: `Bearer ${tokens.user}` } };
    const callers: Caller[] = [
      { name: 'anonymously', headers: {} },
      { name: 'with a garbage token', headers: { Authorization: 'Bearer garbage.probe.token' } },
      user,
    ];
    // A route refusing the user's token is admin-only: its cases must reach past the guard too.
    if ((await send(operation, cases[0], user)) === 403) {
      callers.push({ name: 'as an admin', headers: { Authorization: `Bearer ${tokens.admin}` } });
    }
    const requests = cases.flatMap((badCase) =>
      callers.map((caller) => () => send(operation, badCase, caller)),
    );
    await inParallel(requests, concurrency);
  }
  return report;
}

interface Answer {
  status?: number;
  problem?: string;
}

async function answerTo(
  origin: string,
  operation: Operation,
  badCase: BadInputCase,
  caller: Caller,
  deadlineMs: number,
): Promise<Answer> {
  try {
    const response = await fetch(`${origin}${badCase.url}`, {
      method: operation.method,
      headers: { ...badCase.headers, ...caller.headers },
      body: badCase.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deadlineMs),
    });
    const body = await response.text();
    return {
      status: response.status,
      problem: response.status >= 500 ? `${response.status} ${body.slice(0, 400)}` : undefined,
    };
  } catch (error) {
    const name = (error as Error).name;
    return {
      problem:
        name === 'TimeoutError'
          ? `no answer within ${deadlineMs} ms`
          : `no answer: ${String((error as Error).cause ?? error)}`,
    };
  }
}

async function inParallel(tasks: (() => Promise<unknown>)[], concurrency: number): Promise<void> {
  const queue = [...tasks];
  const worker = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) await task();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
