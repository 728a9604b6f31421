// npm run blog:seed — demo articles by the demo users of prisma/auth/seed.ts, with tags, comments,
// favorites and follows. Auth's seed runs first (npm start seeds the databases in name order).
// Idempotent: run it on every start; what exists stays as it is.
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CacheModule } from '@capstone/platform/cache';
import { AppConfig, loadEnvironmentFile, PlatformConfigModule } from '@capstone/platform/config';
import { v7 as uuidv7 } from 'uuid';
import { normalisedTags } from '../../apps/blog-service/src/articles/article';
import { ArticleCache } from '../../apps/blog-service/src/articles/article-cache';
import { ArticleListCache } from '../../apps/blog-service/src/articles/article-list-cache';
import { ReaderFlagCache } from '../../apps/blog-service/src/articles/reader-flag-cache';
import { ReaderFlagLookup } from '../../apps/blog-service/src/articles/reader-flags';
import { slugOf } from '../../apps/blog-service/src/articles/slug';
import { environmentSchema } from '../../apps/blog-service/src/config/environment';
import { DatabaseModule } from '../../apps/blog-service/src/database/database.module';
import { PrismaService } from '../../apps/blog-service/src/database/prisma.service';
import { FavoriteLedger } from '../../apps/blog-service/src/favorites/favorite-ledger';
import { FollowGraph } from '../../apps/blog-service/src/profiles/follow-graph';
import { MarkdownRenderer } from '../../apps/blog-service/src/shared/markdown';
import { TagList } from '../../apps/blog-service/src/tags/tag-list';
import { demoUsersInAuth } from '../auth/demo-users';

type DemoUser = 'ada' | 'grace';

interface DemoArticle {
  author: DemoUser;
  title: string;
  description: string;
  body: string;
  tagList: string[];
  daysAgo: number;
  comments: { author: DemoUser; body: string }[];
  favoritedBy: DemoUser[];
}

const demoUsers: readonly DemoUser[] = ['ada', 'grace'];
const follows: readonly [follower: DemoUser, followee: DemoUser][] = [
  ['ada', 'grace'],
  ['grace', 'ada'],
];

const articles: readonly DemoArticle[] = [
  {
    author: 'ada',
    title: 'Welcome to the Capstone blog',
    description: 'What this blog runs on, and what to try first.',
    body: [
      'This blog is **blog-service**, one of the Capstone services. It speaks the',
      '[RealWorld](https://realworld-docs.netlify.app/) API, so any Conduit front end can use it.',
      '',
      '## Things to try',
      '',
      '1. Sign in as `grace@capstone.local` and favorite this article.',
      '2. Follow an author, then read your feed at `/api/articles/feed`.',
      '3. Filter by a tag: `/api/articles?tag=capstone`.',
      '',
      '```bash',
      'curl http://localhost:8080/api/articles?author=ada',
      '```',
    ].join('\n'),
    tagList: ['capstone', 'realworld'],
    daysAgo: 6,
    comments: [{ author: 'grace', body: 'Favorited, as instructed. The feed works too.' }],
    favoritedBy: ['grace'],
  },
  {
    author: 'ada',
    title: 'Notes on the Analytical Engine',
    description: 'A machine that weaves algebraic patterns.',
    body: [
      'The engine *weaves algebraical patterns just as the Jacquard loom weaves flowers and leaves*.',
      '',
      '> It might act upon other things besides number.',
      '',
      'Note G computes the Bernoulli numbers, step by step:',
      '',
      '| step | operation        |',
      '| ---- | ---------------- |',
      '| 1    | multiply V2 × V3 |',
      '| 2    | subtract V4 − V1 |',
    ].join('\n'),
    tagList: ['history', 'computing'],
    daysAgo: 4,
    comments: [
      { author: 'grace', body: 'A program before there was a computer to run it.' },
      { author: 'ada', body: 'And the first bug report: a value in the table is wrong.' },
    ],
    favoritedBy: ['grace'],
  },
  {
    author: 'grace',
    title: 'What a nanosecond looks like',
    description: 'Eleven and three quarter inches of wire.',
    body: [
      'A nanosecond is how far light travels in a billionth of a second: about **30 cm**.',
      'I hand out pieces of wire that long, so that people can *see* why a satellite',
      'message takes as long as it does.',
      '',
      '- a microsecond is a coil of 300 m',
      '- a millisecond does not fit in the room',
    ].join('\n'),
    tagList: ['computing', 'performance'],
    daysAgo: 3,
    comments: [{ author: 'ada', body: 'May I have a nanosecond for my desk?' }],
    favoritedBy: ['ada'],
  },
  {
    author: 'grace',
    title: 'The first actual bug',
    description: 'A moth, relay 70, panel F.',
    body: [
      'On 9 September 1947 the Mark II stopped. The cause was a moth trapped in relay 70, panel F.',
      'It went into the log book, taped beside the entry *first actual case of bug being found*.',
      '',
      'Debugging has meant the same ever since: find the moth, then write down where it was.',
    ].join('\n'),
    tagList: ['history', 'debugging'],
    daysAgo: 1,
    comments: [],
    favoritedBy: ['ada', 'grace'],
  },
];

/** What the seed reads and writes: the blog's own database and cache, as blog-service names them. */
const seedEnvironment = environmentSchema.pick({
  DATABASE_URL: true,
  REDIS_URL: true,
  CACHE_PREFIX: true,
});

@Module({
  imports: [
    PlatformConfigModule.forRoot(seedEnvironment),
    DatabaseModule,
    CacheModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig<{ REDIS_URL: string; CACHE_PREFIX: string }>) => ({
        url: config.get('REDIS_URL'),
        keyPrefix: config.get('CACHE_PREFIX'),
      }),
    }),
  ],
  providers: [
    MarkdownRenderer,
    FavoriteLedger,
    FollowGraph,
    ArticleCache,
    ArticleListCache,
    ReaderFlagCache,
    ReaderFlagLookup,
    TagList,
  ],
})
class BlogSeedModule {}

async function seed(): Promise<void> {
  loadEnvironmentFile();
  const context = await NestFactory.createApplicationContext(BlogSeedModule, {
    logger: ['error', 'warn'],
  });
  try {
    const prisma = context.get(PrismaService);
    const markdown = context.get(MarkdownRenderer);
    const favorites = context.get(FavoriteLedger);
    const followGraph = context.get(FollowGraph);
    const users = await demoUsersInAuth(
      context.get<AppConfig<{ DATABASE_URL: string }>>(AppConfig).get('DATABASE_URL'),
      demoUsers,
    );
    const idOf = (user: DemoUser) => users[user].id;
    const created = { authors: 0, articles: 0, comments: 0, favorites: 0, follows: 0 };

    // Profile version 0: the user's auth.users events, or a repair, replace these rows as they arrive.
    ({ count: created.authors } = await prisma.author.createMany({
      data: Object.values(users).map((user) => ({ ...user, profileVersion: 0 })),
      skipDuplicates: true,
    }));

    for (const article of articles) {
      const slug = slugOf(article.title);
      const before = await prisma.article.findUnique({ where: { slug }, select: { id: true } });
      const publishedAt = new Date(Date.now() - article.daysAgo * 86_400_000);
      const { id } =
        before ??
        (await prisma.article.create({
          data: {
            id: uuidv7(),
            slug,
            title: article.title,
            description: article.description,
            body: article.body,
            bodyHtml: markdown.render(article.body),
            tagList: normalisedTags(article.tagList),
            authorId: idOf(article.author),
            createdAt: publishedAt,
            updatedAt: publishedAt,
          },
        }));
      if (!before) created.articles += 1;

      for (const comment of article.comments) {
        const identity = { articleId: id, authorId: idOf(comment.author), body: comment.body };
        if (await prisma.comment.findFirst({ where: identity, select: { id: true } })) continue;
        await prisma.comment.create({
          data: { ...identity, bodyHtml: markdown.render(comment.body) },
        });
        created.comments += 1;
      }
      for (const fan of article.favoritedBy) {
        if (await favorites.add(idOf(fan), id)) created.favorites += 1;
      }
    }
    for (const [follower, followee] of follows) {
      if (await followGraph.add(idOf(follower), idOf(followee))) created.follows += 1;
    }

    // A running blog-service may have cached the tag list, an article's favorite count, list pages
    // and the demo readers' favorited and following flags.
    if (Object.values(created).some((count) => count > 0)) {
      await context.get(TagList).forget();
      await context.get(ArticleCache).forget(...articles.map(({ title }) => slugOf(title)));
      await context.get(ArticleListCache).forgetAll();
      const readers = new Set([
        ...articles.flatMap(({ favoritedBy }) => favoritedBy),
        ...follows.map(([follower]) => follower),
      ]);
      await Promise.all(
        [...readers].map((reader) => context.get(ReaderFlagCache).forget(idOf(reader))),
      );
    }
    console.log(
      Object.entries(created)
        .map(([kind, count]) => `${kind}: ${count} created`)
        .join(', '),
    );
  } finally {
    await context.close();
  }
}

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
