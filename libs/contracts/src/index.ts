export * from './contract-error';
export * from './envelope';
export * from './event-contract';
export * from './job-contract';
export * from './queues/mail';
export * from './registry';
export * from './topics/auth-users';
export * from './topics/blog-articles';
