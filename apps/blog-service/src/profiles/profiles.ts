import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { UserFollowed } from '@capstone/contracts';
import type { Principal } from '@capstone/platform/auth';
import { Outbox } from '@capstone/platform/events';
import { NotFoundError, ValidationError } from '@capstone/platform/http';
import { ReaderFlagCache } from '../articles/reader-flag-cache';
import { isVisible, type Author } from '../authors/author';
import { Authors } from '../authors/authors';
import { EVENT_SOURCE } from '../shared/event-source';
import { FollowGraph } from './follow-graph';
import { profileOf, type Profile } from './profile';

/** Profiles and following: `GET /api/profiles/:username` and its follow endpoints. */
@Injectable()
export class Profiles {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly authors: Authors,
    private readonly follows: FollowGraph,
    private readonly flags: ReaderFlagCache,
    private readonly outbox: Outbox,
  ) {}

  async view(username: string, reader?: Principal): Promise<Profile> {
    const author = await this.shown(username);
    return profileOf(author, await this.follows.follows(reader?.userId, author.id));
  }

  async follow(username: string, reader: Principal): Promise<Profile> {
    const [follower, followee] = await Promise.all([
      this.authors.caller(reader),
      this.shown(username),
    ]);
    if (follower.id === followee.id) {
      throw new ValidationError([
        { field: 'username', message: 'cannot be followed by yourself', code: 'self_follow' },
      ]);
    }
    await this.transactions.withTransaction(async () => {
      if (!(await this.follows.add(follower.id, followee.id))) return;
      await this.outbox.record(
        UserFollowed.create({
          source: EVENT_SOURCE,
          subject: followee.id,
          data: {
            followerId: follower.id,
            followerUsername: follower.username,
            followeeId: followee.id,
          },
        }),
      );
    });
    // After the commit: the follower's cached flags show whom they follow.
    await this.flags.forget(reader.userId);
    return profileOf(followee, true);
  }

  async unfollow(username: string, reader: Principal): Promise<Profile> {
    const followee = await this.shown(username);
    await this.follows.remove(reader.userId, followee.id);
    await this.flags.forget(reader.userId);
    return profileOf(followee, false);
  }

  private async shown(username: string): Promise<Author> {
    const author = await this.authors.byUsername(username);
    if (!author || !isVisible(author) || author.status === 'deleted') {
      throw new NotFoundError(`No profile is named ${username}`, { code: 'profile_not_found' });
    }
    return author;
  }
}
