import { randomBytes } from 'node:crypto';
import { fromNewAddress } from '../auth/accounts';
import { call, type HttpCall } from '../loopback-http';

export interface SeedSize {
  /** Authors registered through auth-service's RealWorld `POST /api/users`. */
  users: number;
  /** Articles published through blog-service, spread evenly over the authors. */
  articles: number;
}

export interface SeedShape extends SeedSize {
  /** Distinct tags over all articles. */
  tags: number;
  followedAuthors: number;
  favoritedArticles: number;
  /** Articles by the authors the reader follows: what the feed pages through. */
  feedArticles: number;
}

export interface SeededBlog {
  /** `Token <jwt>` of the reader, a user who wrote nothing. */
  readerAuthorization: string;
  slugs: string[];
  shape: SeedShape;
}

const TAGS = [
  'nestjs',
  'postgres',
  'kafka',
  'redis',
  'testing',
  'design',
  'performance',
  'security',
];
// Every FAVORITE_EVERY-th article: a page of twenty shows the reader's favorites among others.
const FAVORITE_EVERY = 5;

async function expectStatus(request: HttpCall, status: number): Promise<unknown> {
  const answer = await call(request);
  if (answer.status !== status)
    throw new Error(
      `${request.method ?? 'GET'} ${request.url} answered ${answer.status}: ${answer.body}`,
    );
  return JSON.parse(answer.body);
}

/** Registers `username` as a RealWorld client does; answers the `Authorization` its token makes. */
async function register(authUrl: string, username: string): Promise<string> {
  const body = (await expectStatus(
    {
      url: `${authUrl}/api/users`,
      method: 'POST',
      headers: fromNewAddress(),
      body: {
        user: {
          username,
          email: `${username}@example.com`,
          password: randomBytes(12).toString('base64url'),
        },
      },
    },
    201,
  )) as { user: { token: string } };
  return `Token ${body.user.token}`;
}

// An article of ordinary length: headings, a list, code and a link for the Markdown renderer to work through.
function articleBody(index: number): string {
  const paragraph =
    'Measured on a quiet machine, the figures tell where a request spends its time: in the ' +
    'framework, in the network between the service and its stores, or in the query itself. ' +
    'Each paragraph of this article repeats the point so the body has a realistic length.';
  return [
    `## Part ${index}`,
    '',
    paragraph,
    '',
    '- read the page with its authors in one statement',
    '- count the matches in another',
    '- ask for the reader’s favorites and follows among them',
    '',
    '```ts',
    `const page = await articles.list({ limit: 20, offset: ${index} });`,
    '```',
    '',
    paragraph,
    '',
    `See [the RealWorld spec](https://realworld-docs.netlify.app/) for article ${index}.`,
  ].join('\n');
}

/**
 * A blog as its users make one, through the real APIs only: authors register with auth-service and
 * publish with tags; a reader follows half of them and favorites every fifth article.
 */
export async function seedBlog(
  authUrl: string,
  blogUrl: string,
  size: SeedSize,
): Promise<SeededBlog> {
  const run = randomBytes(3).toString('hex');
  const authors: { username: string; authorization: string }[] = [];
  for (let index = 0; index < size.users; index += 1) {
    const username = `bench_${run}_${index}`;
    authors.push({ username, authorization: await register(authUrl, username) });
  }
  const readerAuthorization = await register(authUrl, `bench_${run}_reader`);

  const slugs: string[] = [];
  const authorOf: number[] = [];
  const tags = new Set<string>();
  for (let index = 0; index < size.articles; index += 1) {
    const author = index % authors.length;
    const tagList = [0, 3, 5].map((step) => TAGS[(index + step) % TAGS.length]);
    tagList.forEach((tag) => tags.add(tag));
    const body = (await expectStatus(
      {
        url: `${blogUrl}/api/articles`,
        method: 'POST',
        headers: { Authorization: authors[author].authorization },
        body: {
          article: {
            title: `Benchmark article ${index} of run ${run}`,
            description: `Article ${index}, by ${authors[author].username}`,
            body: articleBody(index),
            tagList,
          },
        },
      },
      201,
    )) as { article: { slug: string } };
    slugs.push(body.article.slug);
    authorOf.push(author);
  }

  const followed = authors.slice(0, Math.floor(authors.length / 2));
  for (const author of followed)
    await expectStatus(
      {
        url: `${blogUrl}/api/profiles/${author.username}/follow`,
        method: 'POST',
        headers: { Authorization: readerAuthorization },
      },
      200,
    );
  const favorited = slugs.filter((_, index) => index % FAVORITE_EVERY === 0);
  for (const slug of favorited)
    await expectStatus(
      {
        url: `${blogUrl}/api/articles/${slug}/favorite`,
        method: 'POST',
        headers: { Authorization: readerAuthorization },
      },
      200,
    );

  return {
    readerAuthorization,
    slugs,
    shape: {
      users: size.users,
      articles: size.articles,
      tags: tags.size,
      followedAuthors: followed.length,
      favoritedArticles: favorited.length,
      feedArticles: authorOf.filter((author) => author < followed.length).length,
    },
  };
}
