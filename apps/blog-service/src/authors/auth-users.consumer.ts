import { Injectable } from '@nestjs/common';
import {
  UserDeleted,
  UserDisabled,
  UserProfileUpdated,
  UserRegistered,
  type EventOf,
} from '@capstone/contracts';
import { EventConsumer } from '@capstone/platform/events';
import { AuthorProjection } from './author-projection';

type ProfileEvent = EventOf<typeof UserRegistered> | EventOf<typeof UserProfileUpdated>;

/** Keeps the author projection in step with `auth.users`; each effect commits with its processed-event row. */
@Injectable()
export class AuthUsersConsumer {
  constructor(
    consumer: EventConsumer,
    private readonly projection: AuthorProjection,
  ) {
    consumer
      .on(UserRegistered, (event) => this.profileChanged(event))
      .on(UserProfileUpdated, (event) => this.profileChanged(event))
      .on(UserDisabled, (event) =>
        this.projection.changeStatus(event.data.userId, 'disabled', versionOf(event.data)),
      )
      .on(UserDeleted, (event) =>
        this.projection.changeStatus(event.data.userId, 'deleted', versionOf(event.data)),
      );
  }

  private profileChanged({ data }: ProfileEvent): Promise<void> {
    return this.projection.apply({
      id: data.userId,
      username: data.username,
      email: data.email,
      bio: data.bio,
      image: data.image,
      status: 'active',
      profileVersion: versionOf(data),
    });
  }
}

// Events written before auth-service versioned profiles say nothing: version 0 never overrides a repair.
function versionOf(data: object): number {
  const { profileVersion } = data as { profileVersion?: number };
  return profileVersion ?? 0;
}
