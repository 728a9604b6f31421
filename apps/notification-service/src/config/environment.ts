import {
  databaseUrl,
  eventsEnvironment,
  platformEnvironment,
  queuesEnvironment,
  tokenVerificationEnvironment,
} from '@capstone/platform/config';
import { z } from 'zod';

/** Every variable notification-service reads; `.env.example` documents each one. */
export const environmentSchema = z
  .object({
    ...platformEnvironment(3006),
    DATABASE_URL: databaseUrl(),
    ...eventsEnvironment(),
    ...queuesEnvironment(),
    ...tokenVerificationEnvironment(),
    MAIL_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(50)
      .default(5)
      .describe('mail jobs sent at once by one process'),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
      .optional()
      .describe(
        'the SMTP server, e.g. smtp://127.0.0.1:1025; unset outside production for the development mailbox',
      ),
    MAIL_FROM: z
      .string()
      .min(3)
      .default('Capstone <no-reply@capstone.local>')
      .describe('the From of every email'),
    PUBLIC_APP_URL: z
      .url()
      .describe('origin of the web app, linked from emails such as the welcome'),
    AUTH_INTERNAL_URL: z
      .url()
      .optional()
      .describe(
        "auth-service's internal origin, e.g. http://127.0.0.1:3001; in development the admin login page logs in there",
      ),
  })
  // In production an unset SMTP_URL would silently keep every email in the database.
  .refine(
    (environment) => environment.SMTP_URL !== undefined || environment.NODE_ENV !== 'production',
    {
      path: ['SMTP_URL'],
      message: 'is required in production',
    },
  )
  .refine(
    (environment) =>
      environment.AUTH_INTERNAL_URL !== undefined || environment.NODE_ENV !== 'development',
    {
      path: ['AUTH_INTERNAL_URL'],
      message: 'is required in development, for the admin login page',
    },
  );

export type Environment = z.output<typeof environmentSchema>;
