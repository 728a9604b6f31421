export * from './user-directory-client';
