import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log';
import { AuditTrail } from './audit-trail';
import { PrismaAuditTrail } from './infrastructure/prisma-audit-trail';
import { MyAuditController } from './my-audit.controller';

@Global()
@Module({
  controllers: [MyAuditController],
  providers: [AuditLog, { provide: AuditTrail, useClass: PrismaAuditTrail }],
  exports: [AuditLog, AuditTrail],
})
export class AuditModule {}
