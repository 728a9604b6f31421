import {
  credentials,
  loadPackageDefinition,
  status,
  type Client,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import {
  PROTO_LOADER_OPTIONS,
  USER_DIRECTORY_PROTO_PATH,
  UserDeleted,
  UserDisabled,
  UserProfileUpdated,
  UserRegistered,
  type DirectoryUserMessage,
} from '@capstone/contracts';
import { awaitKafkaEvent } from '@capstone/platform/testing';
import { register, registerAndLogIn } from '../../test/accounts';
import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import { provisionAndLogIn, type SignedIn } from '../../test/provisioned-accounts';

type FindUser = (
  request: object,
  options: { deadline: Date },
  callback: (error: ServiceError | null, user?: DirectoryUserMessage) => void,
) => void;

/** A plain grpc-js client of the contract, as any other service would build one from the .proto. */
function directoryClient(url: string): Client & { findUser: FindUser } {
  const definition = loadPackageDefinition(
    loadSync(USER_DIRECTORY_PROTO_PATH, PROTO_LOADER_OPTIONS),
  ) as never as {
    capstone: {
      auth: { user_directory: { v1: { UserDirectory: new (...args: unknown[]) => never } } };
    };
  };
  const { UserDirectory } = definition.capstone.auth.user_directory.v1;
  return new UserDirectory(url, credentials.createInsecure());
}

describe('the UserDirectory gRPC service', () => {
  let service: AuthServiceUnderTest;
  let client: Client & { findUser: FindUser };
  let admin: SignedIn;

  beforeAll(async () => {
    service = await startAuthService('user-directory');
    client = directoryClient(service.grpcUrl ?? '');
    admin = await provisionAndLogIn(service, 'directory-admin', { admin: true });
  });

  afterAll(async () => {
    client.close();
    await service.close();
  });

  const findUser = (request: object) =>
    new Promise<DirectoryUserMessage>((resolve, reject) =>
      client.findUser(request, { deadline: new Date(Date.now() + 5000) }, (error, user) =>
        error ? reject(error) : resolve(user as DirectoryUserMessage),
      ),
    );
  const failureOf = (request: object) =>
    findUser(request).then(
      () => undefined,
      (error: ServiceError) => ({ code: error.code, details: error.details }),
    );
  const userIdOf = async (username: string) => (await findUser({ username })).userId;
  const authUsersEvent = (type: string, userId: string) =>
    awaitKafkaEvent(
      service.topic('auth.users'),
      (event) => event.type === type && event.subject === userId,
    );

  it('finds a new account by id and by username in any case, at profile version 1', async () => {
    const account = await register(service);
    const userId = await userIdOf(account.username);

    const byId = await findUser({ userId });
    expect(byId).toEqual({
      userId,
      username: account.username,
      email: account.email,
      status: 'USER_STATUS_ACTIVE',
      profileVersion: 1,
      roles: ['user'],
    });
    expect(await findUser({ username: account.username.toUpperCase() })).toEqual(byId);
    const registered = await authUsersEvent(UserRegistered.type, userId);
    expect(registered.data).toMatchObject({ userId, profileVersion: 1 });
  });

  it('answers NOT_FOUND for an id or a username no account has', async () => {
    expect(await failureOf({ userId: '0195f0a2-7c1e-7cc3-9a3e-1f2b3c4d5e6f' })).toMatchObject({
      code: status.NOT_FOUND,
    });
    expect(await failureOf({ username: 'nobody-by-this-name' })).toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('answers INVALID_ARGUMENT, never INTERNAL, to a request naming nobody or a malformed id', async () => {
    for (const request of [{}, { userId: 'not-a-uuid' }, { userId: '' }, { username: '' }]) {
      expect(await failureOf(request)).toEqual({
        code: status.INVALID_ARGUMENT,
        details: expect.stringContaining('name a user by a UUID user_id or a non-empty username'),
      });
    }
  });

  it('grows the profile version with each profile change, and each event carries the version it made', async () => {
    const me = await registerAndLogIn(service);
    const update = (changes: object) =>
      service.http
        .patch('/api/auth/v1/account')
        .set('Authorization', `Bearer ${me.accessToken}`)
        .send(changes)
        .expect(200);

    await update({ bio: 'Counts things.' });
    expect(await findUser({ userId: me.userId })).toMatchObject({
      bio: 'Counts things.',
      profileVersion: 2,
    });
    await update({ username: `${me.username}_2`, image: 'https://example.com/me.png' });
    expect(await findUser({ userId: me.userId })).toMatchObject({
      username: `${me.username}_2`,
      image: 'https://example.com/me.png',
      profileVersion: 3,
    });

    const versions = await Promise.all(
      [2, 3].map(async (version) => {
        const event = await awaitKafkaEvent(
          service.topic('auth.users'),
          (candidate) =>
            candidate.type === UserProfileUpdated.type &&
            candidate.subject === me.userId &&
            (candidate.data as { profileVersion?: number }).profileVersion === version,
        );
        return event.data;
      }),
    );
    expect(versions[1]).toMatchObject({ username: `${me.username}_2`, profileVersion: 3 });
  });

  it('reports a disabled account as DISABLED at a newer version, and a deleted one as NOT_FOUND', async () => {
    const account = await register(service);
    const userId = await userIdOf(account.username);

    await service.http
      .post(`/api/auth/v1/admin/users/${userId}/disable`)
      .set(admin.bearer)
      .expect(200);
    expect(await findUser({ userId })).toMatchObject({
      status: 'USER_STATUS_DISABLED',
      profileVersion: 2,
    });
    expect((await authUsersEvent(UserDisabled.type, userId)).data).toEqual({
      userId,
      profileVersion: 2,
    });

    await service.http
      .post(`/api/auth/v1/admin/users/${userId}/enable`)
      .set(admin.bearer)
      .expect(200);
    expect(await findUser({ userId })).toMatchObject({
      status: 'USER_STATUS_ACTIVE',
      profileVersion: 3,
    });

    await service.http.delete(`/api/auth/v1/admin/users/${userId}`).set(admin.bearer).expect(204);
    expect(await failureOf({ userId })).toMatchObject({ code: status.NOT_FOUND });
    expect(await failureOf({ username: account.username })).toMatchObject({
      code: status.NOT_FOUND,
    });
    // The deletion outranks every event before it, however late one of those arrives.
    expect((await authUsersEvent(UserDeleted.type, userId)).data).toEqual({
      userId,
      profileVersion: 4,
    });
  });
});
