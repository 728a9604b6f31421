import type { RecordedClick } from '@capstone/contracts';
import { tally } from './click-tally';

const A = '0192f0c1-5a6e-7b3d-9c2e-1f4a5b6c7d8e';
const B = '0192f0c1-5a6e-7b3d-9c2e-1f4a5b6c7d8f';
const click = (overrides: Partial<RecordedClick> = {}): RecordedClick => ({
  linkId: A,
  at: '2026-12-01T10:15:00.000Z',
  referrerHost: 'example.com',
  browser: 'Chrome',
  os: 'Windows',
  device: 'desktop',
  bot: false,
  ...overrides,
});

describe('a click tally', () => {
  it('sums a batch per link and UTC hour and day, bots apart from people', () => {
    const { hourly, daily } = tally([
      click(),
      click({ at: '2026-12-01T10:59:59.999Z' }),
      click({ at: '2026-12-01T11:00:00.000Z', bot: true }),
      click({ linkId: B }),
    ]);
    expect(hourly).toEqual([
      { linkId: A, period: '2026-12-01T10:00:00.000Z', clicks: 2, bots: 0 },
      { linkId: A, period: '2026-12-01T11:00:00.000Z', clicks: 0, bots: 1 },
      { linkId: B, period: '2026-12-01T10:00:00.000Z', clicks: 1, bots: 0 },
    ]);
    expect(daily).toEqual([
      { linkId: A, period: '2026-12-01', clicks: 2, bots: 1 },
      { linkId: B, period: '2026-12-01', clicks: 1, bots: 0 },
    ]);
  });

  it('breaks down people by referrer, browser, OS and device, naming what is missing', () => {
    const { breakdown } = tally([
      click(),
      click({ referrerHost: null, browser: null, os: null, device: 'unknown' }),
      click({ bot: true, browser: 'Googlebot' }),
    ]);
    const counts = Object.fromEntries(
      breakdown.map((row) => [`${row.dimension}=${row.value}`, row.clicks]),
    );
    expect(counts).toEqual({
      'browser=(unknown)': 1,
      'browser=Chrome': 1,
      'device=desktop': 1,
      'device=unknown': 1,
      'os=(unknown)': 1,
      'os=Windows': 1,
      'referrer=(direct)': 1,
      'referrer=example.com': 1,
    });
  });
});
