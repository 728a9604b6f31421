import { probeBadInput, type BadInputReport } from '@capstone/platform/testing';
import { startBlogStack, type BlogStack } from './blog-stack';
import { publish, signUp } from './realworld-client';

describe('blog-service given bad input', () => {
  let stack: BlogStack;
  let report: BadInputReport;

  beforeAll(async () => {
    stack = await startBlogStack('bad-input');
    const user = await signUp(stack.auth.http);
    // A real article, so cases that reach past validation find something to act on.
    await publish(stack.blog.http, user);
    report = await probeBadInput(stack.blog.app, {
      signIn: async () => ({ user: user.token, admin: user.token }),
    });
  }, 240_000);

  afterAll(() => stack.close());

  it('answers every operation in its OpenAPI document with a 4xx, never a 5xx or a hang', () => {
    expect(report.findings).toEqual([]);
  });

  it('gets its cases past the guards, to validation and to the handlers', () => {
    expect(report.statuses[422]).toBeGreaterThan(0);
    expect(report.statuses[200]).toBeGreaterThan(0);
  });
});
