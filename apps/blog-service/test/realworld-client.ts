import { randomUUID } from 'node:crypto';
import type request from 'supertest';

export interface RealWorldUser {
  email: string;
  username: string;
  password: string;
  token: string;
}

type Agent = ReturnType<typeof request>;

/** Registers through `users` (the gateway, or auth-service itself) as a RealWorld client does. */
export async function signUp(
  users: Agent,
  name = `u${randomUUID().slice(0, 8)}`,
): Promise<RealWorldUser> {
  const account = { username: name, email: `${name}@example.com`, password: 'password-123' };
  const { body } = await users.post('/api/users').send({ user: account }).expect(201);
  return { ...account, token: body.user.token };
}

export const tokenOf = (user: Pick<RealWorldUser, 'token'>) => `Token ${user.token}`;

export interface DraftArticle {
  title: string;
  description: string;
  body: string;
  tagList?: string[];
}

export function draft(overrides: Partial<DraftArticle> = {}): DraftArticle {
  return {
    title: `How to train your dragon ${randomUUID().slice(0, 6)}`,
    description: 'Ever wonder how?',
    body: 'You have to *believe*.',
    tagList: ['dragons', 'training'],
    ...overrides,
  };
}

export async function publish(
  blog: Agent,
  author: RealWorldUser,
  article: DraftArticle = draft(),
): Promise<Record<string, unknown> & { slug: string }> {
  const { body } = await blog
    .post('/api/articles')
    .set('Authorization', tokenOf(author))
    .send({ article })
    .expect(201);
  return body.article;
}
