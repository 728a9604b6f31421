import { z } from 'zod';
import { defineJob, type JobPayloadOf } from '../../job-contract';

/**
 * `mail`: one email to send. Links with secrets (verification, reset) travel only here, in a
 * short-lived job, never on Kafka. `deliveryId` makes sending idempotent across retries.
 */
export const MAIL_QUEUE = 'mail';

const recipient = z.object({
  email: z.email(),
  userId: z.uuid().optional(),
  username: z.string().optional(),
});
const link = z.url({ protocol: /^https?$/ });

function mailMessage<TTemplate extends string, TVariables extends z.ZodObject>(
  template: TTemplate,
  variables: TVariables,
) {
  return z.object({
    deliveryId: z.uuid(),
    to: recipient,
    template: z.literal(template),
    variables,
  });
}

export const SendMail = defineJob({
  queue: MAIL_QUEUE,
  name: 'send-mail',
  schema: z.discriminatedUnion('template', [
    mailMessage(
      'email-verification',
      z.object({ verificationUrl: link, expiresAt: z.iso.datetime() }),
    ),
    mailMessage('password-reset', z.object({ resetUrl: link, expiresAt: z.iso.datetime() })),
    mailMessage('password-changed', z.object({ changedAt: z.iso.datetime() })),
    mailMessage('welcome', z.object({ appUrl: link })),
    mailMessage(
      'new-comment',
      z.object({
        articleTitle: z.string().min(1).max(300),
        commenterUsername: z.string().min(1).max(64),
        excerpt: z.string().max(280),
        articleUrl: link,
      }),
    ),
    mailMessage(
      'new-follower',
      z.object({ followerUsername: z.string().min(1).max(64), profileUrl: link }),
    ),
  ]),
});

export type SendMailJob = JobPayloadOf<typeof SendMail>;
export type MailTemplate = SendMailJob['template'];
