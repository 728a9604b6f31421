import type { HttpOptions } from '@capstone/platform/http';

/** What main.ts gives bootstrapService, and the tests give createTestApp: one definition for both. */
export const httpOptions: HttpOptions = {
  api: {
    title: 'Capstone notification-service',
    description:
      'Email from queue jobs and domain events: templates, delivery log, preferences, development mailbox.',
    version: '1',
  },
};
