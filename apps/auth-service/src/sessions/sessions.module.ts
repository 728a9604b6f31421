import { Module } from '@nestjs/common';
import { PrismaSessionRepository } from './infrastructure/prisma-session-repository';
import { SessionRepository } from './session-repository';
import { SessionRevocation } from './session-revocation';

@Module({
  providers: [{ provide: SessionRepository, useClass: PrismaSessionRepository }, SessionRevocation],
  exports: [SessionRevocation, SessionRepository],
})
export class SessionsModule {}
