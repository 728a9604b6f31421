import { Agent, request } from 'node:http';
// eslint-disable-next-line @nx/enforce-module-boundaries -- accounts are made through the real auth-service
import { registerAndLogIn } from '../../auth-service/test/accounts';
import {
  startShortenerStack,
  type ShortenerInstance,
  type ShortenerStack,
} from './shortener-stack';

interface Visit {
  status: number;
  location?: string;
  code?: string;
}

/** One GET of a short link over a real socket of the shared keep-alive agent. */
function visit(agent: Agent, port: number, code: string): Promise<Visit> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: `/s/${code}`, agent }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          code: body === '' ? undefined : (JSON.parse(body) as { code?: string }).code,
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const tally = (visits: Visit[]) =>
  visits.reduce<Record<string, number>>((counts, { status, code }) => {
    const key = code ? `${status} ${code}` : String(status);
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

describe('links with a maximum number of visits', () => {
  let stack: ShortenerStack;
  let token: string;
  // As many sockets as a busy gateway would hold open to one instance.
  const agent = new Agent({ keepAlive: true, maxSockets: 100 });

  beforeAll(async () => {
    stack = await startShortenerStack('max-visits');
    token = (await registerAndLogIn(stack.auth)).accessToken;
  });

  afterAll(async () => {
    agent.destroy();
    await stack.close();
  });

  const cappedLink = async (maxVisits: number): Promise<string> => {
    const { body } = await stack.shortener.http
      .post('/api/shortener/v1/links')
      .set('Authorization', `Bearer ${token}`)
      .send({ targetUrl: 'https://example.com/limited-offer', maxVisits })
      .expect(201);
    return body.code;
  };

  it('redirects exactly 100 of 1,000 concurrent visits to a link capped at 100, and answers 410 link_exhausted to the other 900', async () => {
    const code = await cappedLink(100);

    const visits = await Promise.all(
      Array.from({ length: 1000 }, () => visit(agent, stack.shortener.port, code)),
    );

    expect(tally(visits)).toEqual({ '302': 100, '410 link_exhausted': 900 });
    for (const redirect of visits.filter(({ status }) => status === 302))
      expect(redirect.location).toBe('https://example.com/limited-offer');
  });

  it('shares the count between instances: two instances together redirect exactly the cap', async () => {
    const second: ShortenerInstance = await stack.startAnotherInstance();
    const code = await cappedLink(50);

    const visits = await Promise.all(
      Array.from({ length: 400 }, (_, index) =>
        visit(agent, index % 2 === 0 ? stack.shortener.port : second.port, code),
      ),
    );

    expect(tally(visits)).toEqual({ '302': 50, '410 link_exhausted': 350 });
  });
});
