import { Injectable } from '@nestjs/common';
import { UserFollowed, type EventOf } from '@capstone/contracts';
import { EventConsumer } from '@capstone/platform/events';
import { AppLinks } from '../app-links';
import { RecipientMail } from '../recipient-mail';

/** Tells users who started following them (non-essential: preferences may suppress it). */
@Injectable()
export class NewFollowerOnUserFollowed {
  constructor(
    consumer: EventConsumer,
    private readonly mail: RecipientMail,
    private readonly links: AppLinks,
  ) {
    consumer.on(UserFollowed, (event) => this.notifyFollowee(event));
  }

  private async notifyFollowee(event: EventOf<typeof UserFollowed>): Promise<void> {
    const { followerId, followerUsername, followeeId } = event.data;
    // blog-service refuses to follow oneself; should such an event arrive anyway, it is no news.
    if (followerId === followeeId) return;
    await this.mail.request(event, followeeId, {
      template: 'new-follower',
      variables: { followerUsername, profileUrl: this.links.profile(followerUsername) },
    });
  }
}
