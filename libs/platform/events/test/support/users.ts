import { UserProfileUpdated, UserRegistered } from '@capstone/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { EventsTestBed } from './events-test-bed';

export interface TestUser {
  id: string;
  username: string;
  email: string;
}

/** The event announcing a new user; with no user row written, it describes a user who never was. */
export function registeredEvent(id = uuidv7()) {
  return UserRegistered.create({
    source: 'events-test',
    subject: id,
    data: {
      userId: id,
      username: `user-${id}`,
      email: `${id}@example.com`,
      bio: null,
      image: null,
      roles: ['user'],
      emailVerified: false,
    },
  });
}

/** auth-service's side of the story: a state change and its event in one transaction. */
export async function registerUser(bed: EventsTestBed, id = uuidv7()): Promise<TestUser> {
  const user = { id, username: `user-${id}`, email: `${id}@example.com` };
  await bed.transactions.withTransaction(async () => {
    await bed.tx.user.create({ data: user });
    await bed.outbox.record(registeredEvent(id));
  });
  return user;
}

export async function updateBio(bed: EventsTestBed, user: TestUser, bio: string): Promise<string> {
  const event = UserProfileUpdated.create({
    source: 'events-test',
    subject: user.id,
    data: { userId: user.id, username: user.username, email: user.email, bio, image: null },
  });
  await bed.transactions.withTransaction(async () => {
    await bed.tx.user.update({ where: { id: user.id }, data: { bio } });
    await bed.outbox.record(event);
  });
  return event.id;
}
