import { Module } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import { AccountsModule } from '../accounts/accounts.module';
import type { Environment } from '../config/environment';
import { SigningKeysModule } from '../signing-keys/signing-keys.module';
import { PrismaSessionRepository } from './infrastructure/prisma-session-repository';
import { Login } from './login';
import { MySessions } from './my-sessions';
import { SessionRepository } from './session-repository';
import { SessionRevocation } from './session-revocation';
import { SessionSettings } from './session-settings';
import { SessionStarter } from './session-starter';
import { SessionsController } from './sessions.controller';
import { TokenRefresh } from './token-refresh';

@Module({
  imports: [AccountsModule, SigningKeysModule],
  controllers: [SessionsController],
  providers: [
    { provide: SessionRepository, useClass: PrismaSessionRepository },
    {
      provide: SessionSettings,
      inject: [AppConfig],
      useFactory: (config: AppConfig<Environment>): SessionSettings => ({
        idleSeconds: config.get('SESSION_IDLE_TTL_SECONDS'),
        absoluteSeconds: config.get('SESSION_ABSOLUTE_TTL_SECONDS'),
      }),
    },
    SessionRevocation,
    SessionStarter,
    Login,
    TokenRefresh,
    MySessions,
  ],
  exports: [SessionRevocation, SessionStarter, Login],
})
export class SessionsModule {}
