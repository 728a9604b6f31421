import { ConfigurableModuleBuilder, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { createAuthenticator, type AuthOptions } from '../auth-options';
import { Authenticator } from '../authenticator';
import { AuthGuard } from './auth.guard';

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: AUTH_OPTIONS } =
  new ConfigurableModuleBuilder<AuthOptions>().setClassMethodName('forRoot').build();

/**
 * `AuthModule.forRoot(options)` or `.forRootAsync({ useFactory, inject })` once, in the app module:
 * installs AuthGuard on every route and makes Authenticator injectable everywhere.
 */
@Global()
@Module({
  providers: [
    { provide: Authenticator, inject: [AUTH_OPTIONS], useFactory: createAuthenticator },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Authenticator],
})
export class AuthModule extends ConfigurableModuleClass {}
