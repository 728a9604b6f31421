import { status } from '@grpc/grpc-js';
import {
  createUserDirectoryClient,
  UserDirectoryError,
  type UserDirectoryClient,
} from '@capstone/platform/rpc';
import { register } from './accounts';
import { startAuthService, type AuthServiceUnderTest } from './auth-service';

describe('the UserDirectory client other services use', () => {
  let service: AuthServiceUnderTest;
  let directory: UserDirectoryClient;

  beforeAll(async () => {
    service = await startAuthService('directory-client');
    directory = createUserDirectoryClient(service.grpcUrl ?? '');
  });

  afterAll(async () => {
    directory.close();
    await service.close();
  });

  it('finds an account by username and by id, with null for what it has not filled in', async () => {
    const account = await register(service);

    const byUsername = await directory.findUser({ username: account.username });
    expect(byUsername).toEqual({
      userId: expect.any(String),
      username: account.username,
      email: account.email,
      bio: null,
      image: null,
      status: 'active',
      profileVersion: 1,
      roles: ['user'],
    });
    await expect(directory.findUser({ userId: byUsername?.userId ?? '' })).resolves.toEqual(
      byUsername,
    );
  });

  it('resolves undefined for an account auth-service does not have', async () => {
    await expect(
      directory.findUser({ userId: '0195f0a2-7c1e-7cc3-9a3e-1f2b3c4d5e6f' }),
    ).resolves.toBeUndefined();
  });

  it('rejects a malformed id with a UserDirectoryError carrying INVALID_ARGUMENT', async () => {
    const failure = await directory.findUser({ userId: 'not-a-uuid' }).catch((error) => error);
    expect(failure).toBeInstanceOf(UserDirectoryError);
    expect(failure).toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  it('fails fast with UNAVAILABLE, within its deadline, when nothing answers at the address', async () => {
    const nowhere = createUserDirectoryClient('127.0.0.1:1', { deadlineMs: 500 });
    const started = Date.now();

    const failure = await nowhere.findUser({ username: 'ada' }).catch((error) => error);

    expect(failure).toBeInstanceOf(UserDirectoryError);
    expect([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]).toContain(failure.code);
    expect(Date.now() - started).toBeLessThan(2000);
    nowhere.close();
  });
});
