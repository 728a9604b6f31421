export * from './app-config';
export * from './configuration-error';
export * from './environment-fields';
export * from './environment-file';
export * from './load-configuration';
export * from './platform-config.module';
export * from './rate-limit-fields';
