import { z } from 'zod';
import { defineEvent } from '../../event-contract';

/** `blog.articles`: what happens to articles and around them. Key = article id (the followee's id for follows). */
export const BLOG_ARTICLES_TOPIC = 'blog.articles';

const articleId = z.uuid();
const userId = z.uuid();
const slug = z.string().min(1).max(300);
const title = z.string().min(1).max(300);

/** Enough of an article to name and link it in a message, never its body. */
const articleSummary = z.object({
  articleId,
  slug,
  title,
  description: z.string(),
  authorId: userId,
  tagList: z.array(z.string()),
});

export const ArticlePublished = defineEvent({
  topic: BLOG_ARTICLES_TOPIC,
  type: 'blog.article.published',
  version: 1,
  schema: articleSummary,
});

export const ArticleUpdated = defineEvent({
  topic: BLOG_ARTICLES_TOPIC,
  type: 'blog.article.updated',
  version: 1,
  schema: articleSummary,
});

export const ArticleDeleted = defineEvent({
  topic: BLOG_ARTICLES_TOPIC,
  type: 'blog.article.deleted',
  version: 1,
  schema: z.object({ articleId, slug, authorId: userId }),
});

export const CommentAdded = defineEvent({
  topic: BLOG_ARTICLES_TOPIC,
  type: 'blog.comment.added',
  version: 1,
  schema: z.object({
    articleId,
    slug,
    articleTitle: title,
    articleAuthorId: userId,
    commentId: z.number().int().positive(),
    commentAuthorId: userId,
    commentAuthorUsername: z.string().min(1).max(64),
    /** The first characters of the comment, for a notification's preview. */
    excerpt: z.string().max(280),
  }),
});

export const ArticleFavorited = defineEvent({
  topic: BLOG_ARTICLES_TOPIC,
  type: 'blog.article.favorited',
  version: 1,
  schema: z.object({ articleId, slug, articleAuthorId: userId, userId }),
});

export const UserFollowed = defineEvent({
  topic: BLOG_ARTICLES_TOPIC,
  type: 'blog.user.followed',
  version: 1,
  schema: z.object({
    followerId: userId,
    followerUsername: z.string().min(1).max(64),
    followeeId: userId,
  }),
});

export const blogArticlesEvents = [
  ArticlePublished,
  ArticleUpdated,
  ArticleDeleted,
  CommentAdded,
  ArticleFavorited,
  UserFollowed,
] as const;
