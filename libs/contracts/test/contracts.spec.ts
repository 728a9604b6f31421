import { loadSync } from '@grpc/proto-loader';
import {
  ContractViolation,
  PROTO_LOADER_OPTIONS,
  SendMail,
  USER_DIRECTORY_PACKAGE,
  USER_DIRECTORY_PROTO_PATH,
  USER_DIRECTORY_SERVICE,
  UserDeleted,
  UserRegistered,
  eventContracts,
  parseEvent,
  topics,
} from '../src';

const alice = {
  userId: '0195f0a2-7c1e-7cc3-9a3e-1f2b3c4d5e6f',
  username: 'alice',
  email: 'alice@example.com',
  bio: null,
  image: null,
  roles: ['user' as const],
  emailVerified: false,
};

describe('event contracts', () => {
  it('seals a valid event in an envelope with a UUIDv7 id and the aggregate as subject', () => {
    const event = UserRegistered.create({
      source: 'auth-service',
      subject: alice.userId,
      data: alice,
    });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(event).toMatchObject({
      type: 'auth.user.registered',
      version: 1,
      subject: alice.userId,
    });
    expect(event.correlationId).toBe(event.id);
    expect(event.causationId).toBeNull();
  });

  it('refuses to create an event whose payload breaks the schema, naming the field', () => {
    expect(() =>
      UserRegistered.create({
        source: 'auth-service',
        subject: 'x',
        data: { ...alice, email: 'not-an-email' },
      }),
    ).toThrow(/email/);
  });

  it('parses a received envelope through the registry and rejects an unknown type', () => {
    const event = UserRegistered.create({
      source: 'auth-service',
      subject: alice.userId,
      data: alice,
    });
    const wire = JSON.parse(JSON.stringify(event));
    expect(parseEvent(wire)).toEqual(event);
    expect(() => parseEvent({ ...wire, type: 'auth.user.teleported' })).toThrow(ContractViolation);
    expect(() => parseEvent({ ...wire, version: 2 })).toThrow(/not a registered event type/);
  });

  it('rejects a received envelope whose data no longer matches the contract', () => {
    const event = UserRegistered.create({
      source: 'auth-service',
      subject: alice.userId,
      data: alice,
    });
    const tampered = { ...JSON.parse(JSON.stringify(event)), data: { ...alice, roles: [] } };
    expect(() => parseEvent(tampered)).toThrow(/roles/);
  });

  it('still parses an auth.users event recorded before events carried profileVersion', () => {
    const event = UserDeleted.create({
      source: 'auth-service',
      subject: alice.userId,
      data: { userId: alice.userId },
    });
    expect(parseEvent(JSON.parse(JSON.stringify(event))).data).toEqual({ userId: alice.userId });
  });

  it('refuses a profileVersion that is not a positive integer', () => {
    for (const profileVersion of [0, 1.5, -3]) {
      expect(() =>
        UserRegistered.create({
          source: 'auth-service',
          subject: alice.userId,
          data: { ...alice, profileVersion },
        }),
      ).toThrow(/profileVersion/);
    }
  });

  it('registers every auth.users event type exactly once on its topic', () => {
    const types = eventContracts.map((contract) => `${contract.type}@${contract.version}`);
    expect(new Set(types).size).toBe(types.length);
    expect(topics).toContain('auth.users');
  });
});

describe('job contracts', () => {
  const job = {
    deliveryId: '0195f0a2-7c1e-7cc3-9a3e-1f2b3c4d5e6f',
    to: { email: 'alice@example.com' },
    template: 'password-reset',
    variables: {
      resetUrl: 'https://capstone.dev/reset?token=abc',
      expiresAt: '2026-11-21T16:00:00.000Z',
    },
  };

  it('accepts a mail job whose variables fit its template', () => {
    expect(SendMail.parse(job)).toEqual(job);
  });

  it('rejects a mail job with variables of another template', () => {
    expect(() => SendMail.parse({ ...job, template: 'email-verification' })).toThrow(
      /verificationUrl/,
    );
  });

  it('rejects a mail job for an unknown template', () => {
    expect(() => SendMail.parse({ ...job, template: 'newsletter' })).toThrow(ContractViolation);
  });
});

describe('gRPC contracts', () => {
  it('loads the UserDirectory service from the proto path the constants name', () => {
    const definition = loadSync(USER_DIRECTORY_PROTO_PATH, PROTO_LOADER_OPTIONS);
    const service = definition[`${USER_DIRECTORY_PACKAGE}.${USER_DIRECTORY_SERVICE}`];
    expect(Object.keys(service)).toEqual(['FindUser']);
  });
});
