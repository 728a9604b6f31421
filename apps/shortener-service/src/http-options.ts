import type { HttpOptions } from '@capstone/platform/http';

/** What main.ts gives bootstrapService, and the tests give createTestApp: one definition for both. */
export const httpOptions: HttpOptions = {
  api: {
    title: 'Capstone shortener-service',
    description:
      'Short links: codes and custom slugs, redirects served from Redis, click statistics, QR codes and CSV import and export.',
    version: '1',
  },
};
