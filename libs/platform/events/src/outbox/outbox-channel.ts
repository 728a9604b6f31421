/** The Postgres NOTIFY channel an outbox insert signals and the relay listens on. */
export const outboxChannel = 'outbox_recorded';
