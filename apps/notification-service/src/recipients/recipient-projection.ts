import { Injectable } from '@nestjs/common';
import {
  UserDeleted,
  UserDisabled,
  UserProfileUpdated,
  UserRegistered,
  type EventOf,
} from '@capstone/contracts';
import { EventConsumer } from '@capstone/platform/events';
import {
  deleted,
  disabled,
  withProfile,
  type AccountChange,
  type Recipient,
  type RecipientProfile,
} from './recipient';
import { RecipientRepository } from './recipient-repository';

/** Runs in the transaction of the event that changed the recipient, so its effect commits with it. */
export type RecipientChangeListener = (recipient: Recipient) => Promise<void>;

/**
 * Keeps the recipients in step with `auth.users`, so events that name a user by id can be mailed.
 * UserEmailVerified is not read: it repeats the address UserRegistered or UserProfileUpdated
 * announced, and the welcome is that type's one handler on this service's consumer.
 */
@Injectable()
export class RecipientProjection {
  private readonly listeners: RecipientChangeListener[] = [];

  constructor(
    consumer: EventConsumer,
    private readonly recipients: RecipientRepository,
  ) {
    consumer
      .on(UserRegistered, (event) => this.applyProfile(event))
      .on(UserProfileUpdated, (event) => this.applyProfile(event))
      .on(UserDisabled, ({ data }) =>
        this.apply(data.userId, (current) => disabled(current, accountChange(data))),
      )
      .on(UserDeleted, ({ data }) =>
        this.apply(data.userId, (current) => deleted(current, accountChange(data))),
      );
  }

  /** Called with each recipient that changed, in the transaction of the event that changed it. */
  onChange(listener: RecipientChangeListener): void {
    this.listeners.push(listener);
  }

  private applyProfile(
    event: EventOf<typeof UserRegistered> | EventOf<typeof UserProfileUpdated>,
  ): Promise<void> {
    const { email, username } = event.data;
    const profile: RecipientProfile = { ...accountChange(event.data), email, username };
    return this.apply(profile.userId, (current) => withProfile(current, profile));
  }

  private async apply(
    userId: string,
    change: (current: Recipient | null) => Recipient,
  ): Promise<void> {
    const current = await this.recipients.find(userId);
    const next = change(current);
    if (next === current) return;
    await this.recipients.save(next);
    for (const listener of this.listeners) await listener(next);
  }
}

// profileVersion is optional on auth.users: events recorded before auth-service versioned accounts have none.
function accountChange(data: { userId: string }): AccountChange {
  const { profileVersion } = data as { profileVersion?: unknown };
  return {
    userId: data.userId,
    profileVersion: typeof profileVersion === 'number' ? profileVersion : undefined,
  };
}
