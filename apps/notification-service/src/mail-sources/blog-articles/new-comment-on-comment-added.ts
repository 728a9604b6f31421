import { Injectable } from '@nestjs/common';
import { CommentAdded, type EventOf } from '@capstone/contracts';
import { EventConsumer } from '@capstone/platform/events';
import { AppLinks } from '../app-links';
import { RecipientMail } from '../recipient-mail';

/** Tells authors that someone else commented on their article (non-essential: preferences may suppress it). */
@Injectable()
export class NewCommentOnCommentAdded {
  constructor(
    consumer: EventConsumer,
    private readonly mail: RecipientMail,
    private readonly links: AppLinks,
  ) {
    consumer.on(CommentAdded, (event) => this.notifyAuthor(event));
  }

  private async notifyAuthor(event: EventOf<typeof CommentAdded>): Promise<void> {
    const { articleAuthorId, commentAuthorId, commentAuthorUsername, articleTitle, excerpt, slug } =
      event.data;
    // Authors know what they wrote themselves.
    if (commentAuthorId === articleAuthorId) return;
    await this.mail.request(event, articleAuthorId, {
      template: 'new-comment',
      variables: {
        articleTitle,
        commenterUsername: commentAuthorUsername,
        excerpt,
        articleUrl: this.links.article(slug),
      },
    });
  }
}
