// npm run shortener:seed — demo short links by the demo users of prisma/auth/seed.ts, made through the
// service's own LinkCatalog (the same code and target rules as the API). Auth's seed runs first (npm
// start seeds the databases in name order). Idempotent: a code that exists stays as it is.
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Principal } from '@capstone/platform/auth';
import { CacheModule } from '@capstone/platform/cache';
import { AppConfig, loadEnvironmentFile, PlatformConfigModule } from '@capstone/platform/config';
import { environmentSchema } from '../../apps/shortener-service/src/config/environment';
import { DatabaseModule } from '../../apps/shortener-service/src/database/database.module';
import { PrismaService } from '../../apps/shortener-service/src/database/prisma.service';
import type { LinkTerms } from '../../apps/shortener-service/src/links/link';
import { LinkCatalog } from '../../apps/shortener-service/src/links/link-catalog';
import { LinkPasswords } from '../../apps/shortener-service/src/links/link-passwords';
import { LinkResolver } from '../../apps/shortener-service/src/redirect/link-resolver';
import { demoUsersInAuth } from '../auth/demo-users';

type DemoUser = 'ada' | 'grace';

/** Custom slugs, so every start finds the same codes; tools/dev/banner.ts shows /s/realworld. */
const links: readonly (LinkTerms & { owner: DemoUser; slug: string })[] = [
  {
    owner: 'ada',
    slug: 'realworld',
    targetUrl: 'https://realworld-docs.netlify.app/',
    title: 'The RealWorld spec the blog implements',
    tags: ['docs', 'realworld'],
  },
  {
    owner: 'ada',
    slug: 'note-g',
    targetUrl: 'https://www.fourmilab.ch/babbage/sketch.html',
    title: 'Sketch of the Analytical Engine, with the notes by its translator',
    tags: ['history', 'computing'],
    // A permanent link: browsers may remember it, so its answer says so.
    redirectType: 301,
  },
  {
    owner: 'grace',
    slug: 'nanosecond',
    targetUrl: 'https://en.wikipedia.org/wiki/Nanosecond',
    title: 'What a nanosecond looks like',
    tags: ['history', 'performance'],
  },
  {
    owner: 'grace',
    slug: 'search',
    targetUrl: 'https://duckduckgo.com/',
    title: 'Search: /s/search?q=capstone passes the query on',
    tags: ['tools'],
    forwardQuery: true,
  },
];

const demoUsers = [...new Set(links.map((link) => link.owner))];

/** What the seed reads and writes: the shortener's own database and cache, and its target rules. */
const seedEnvironment = environmentSchema.pick({
  DATABASE_URL: true,
  REDIS_URL: true,
  CACHE_PREFIX: true,
  SHORT_LINK_BASE_URL: true,
  BLOCKED_HOSTS: true,
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
  providers: [LinkCatalog, LinkPasswords, LinkResolver],
})
class ShortenerSeedModule {}

async function seed(): Promise<void> {
  loadEnvironmentFile();
  const context = await NestFactory.createApplicationContext(ShortenerSeedModule, {
    logger: ['error', 'warn'],
  });
  try {
    const prisma = context.get(PrismaService);
    const catalog = context.get(LinkCatalog);
    // Read from auth's own database, as blog's seed does (see prisma/auth/demo-users.ts).
    const users = await demoUsersInAuth(
      context.get<AppConfig<{ DATABASE_URL: string }>>(AppConfig).get('DATABASE_URL'),
      demoUsers,
    );
    let created = 0;
    for (const { owner, ...terms } of links) {
      if (await prisma.link.findUnique({ where: { code: terms.slug }, select: { id: true } })) {
        continue;
      }
      const principal: Principal = {
        userId: users[owner].id,
        username: owner,
        roles: ['user'],
        emailVerified: true,
        via: 'token',
      };
      await catalog.create(principal, terms);
      created += 1;
    }
    console.log(`links: ${created} created`);
  } finally {
    await context.close();
  }
}

seed().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
