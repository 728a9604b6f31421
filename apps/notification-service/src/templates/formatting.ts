import type { SendMailJob } from '@capstone/contracts';

export function greetingName(mail: Pick<SendMailJob, 'to'>): string {
  return mail.to.username ?? 'there';
}

/** Instants are written in UTC: the service cannot know the reader's time zone. */
export function utcTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
