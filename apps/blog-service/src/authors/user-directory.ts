import type { AuthorSnapshot } from './author';

export type DirectoryQuery = { userId: string } | { username: string };

/**
 * auth-service's answer about one user, asked synchronously when the projection cannot answer
 * (a user registered or renamed a moment ago). The Nest token is this class; gRPC implements it.
 */
export abstract class UserDirectory {
  /** `undefined` when auth-service knows no such user. */
  abstract find(query: DirectoryQuery): Promise<AuthorSnapshot | undefined>;
}
