import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Authenticator } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../../config/environment';
import { AuthServiceSessions } from './auth-service-sessions';
import { mountDevelopmentLogin } from './development-login';

/** Mounts the login page under npm start (NODE_ENV=development) and nowhere else. */
@Module({})
export class DevelopmentLoginModule implements OnModuleInit {
  constructor(
    private readonly config: AppConfig<Environment>,
    private readonly authenticator: Authenticator,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  // Before the server is ready: Fastify takes routes and hooks until it starts listening.
  onModuleInit(): void {
    const authInternalUrl = this.config.get('AUTH_INTERNAL_URL');
    if (this.config.get('NODE_ENV') !== 'development' || !authInternalUrl) return;
    mountDevelopmentLogin(this.adapterHost.httpAdapter.getInstance(), {
      authenticator: this.authenticator,
      sessions: new AuthServiceSessions(authInternalUrl),
    });
  }
}
