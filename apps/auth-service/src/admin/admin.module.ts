import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { AdminAuditController } from './admin-audit.controller';
import { AdminUsersController } from './admin-users.controller';
import { AuditInvestigation } from './audit-investigation.service';
import { PrismaManagedUserRepository } from './infrastructure/prisma-managed-user.repository';
import { ManagedUserRepository } from './managed-user.repository';
import { UserAdministration } from './user-administration.service';

@Module({
  imports: [SessionsModule],
  controllers: [AdminUsersController, AdminAuditController],
  providers: [
    UserAdministration,
    AuditInvestigation,
    { provide: ManagedUserRepository, useClass: PrismaManagedUserRepository },
  ],
})
export class AdminModule {}
