import { summariseProfile, type CpuProfile } from './cpu-profile';

const frame = (functionName: string, url: string, lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
});

// Five samples 1 ms apart from t = 1000 µs: idle, a Fastify function twice, Node's http, a bundled function.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', '') },
    { id: 2, callFrame: frame('(idle)', '') },
    { id: 3, callFrame: frame('runPreParsing', 'file:///w/node_modules/fastify/lib/route.js', 9) },
    { id: 4, callFrame: frame('setHeader', 'node:_http_outgoing', 652) },
    { id: 5, callFrame: frame('logRequest', 'file:///w/dist/main.js', 100) },
  ],
  startTime: 1_000,
  endTime: 6_000,
  samples: [2, 3, 3, 4, 5],
  timeDeltas: [0, 1_000, 1_000, 1_000, 1_000],
};

describe('CPU profile summaries', () => {
  it('count each sample until the next, leave idle time out of busy time and group by module', () => {
    const summary = summariseProfile(profile, undefined, (url) =>
      url.endsWith('/dist/main.js')
        ? 'libs/platform/observability/src/logging/access-log.ts:20'
        : undefined,
    );

    expect(summary.windowMs).toBe(5);
    expect(summary.busyMs).toBe(4);
    expect(summary.byModule).toEqual([
      { module: 'fastify', selfMs: 2, share: 0.5 },
      { module: 'node:http', selfMs: 1, share: 0.25 },
      { module: 'libs/platform/observability', selfMs: 1, share: 0.25 },
    ]);
    expect(summary.byFunction[0]).toEqual({
      name: 'runPreParsing',
      module: 'fastify',
      location: 'node_modules/fastify/lib/route.js:10',
      selfMs: 2,
      share: 0.5,
    });
    expect(summary.byFunction[2].location).toBe(
      'libs/platform/observability/src/logging/access-log.ts:20',
    );
  });

  it('count only the samples taken inside the window', () => {
    const summary = summariseProfile(profile, { fromUs: 2_500, toUs: 4_500 });

    expect(summary.windowMs).toBe(2);
    expect(summary.byFunction.map(({ name, selfMs }) => [name, selfMs])).toEqual([
      ['runPreParsing', 1],
      ['setHeader', 1],
    ]);
  });
});
