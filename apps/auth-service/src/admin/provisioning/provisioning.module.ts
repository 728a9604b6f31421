import { Module } from '@nestjs/common';
import { databaseUrl, PlatformConfigModule } from '@capstone/platform/config';
import { Outbox } from '@capstone/platform/events';
import { z } from 'zod';
import { AccountsModule } from '../../accounts/accounts.module';
import { AuditModule } from '../../audit/audit.module';
import { DatabaseModule } from '../../database/database.module';
import { SharedModule } from '../../shared/shared.module';
import { PrismaManagedUserRepository } from '../infrastructure/prisma-managed-user.repository';
import { ManagedUserRepository } from '../managed-user.repository';
import { UserProvisioning } from './user-provisioning.service';

/** Provisioning only writes the database (the service's relay publishes the events), so it needs only its URL. */
export const provisioningEnvironment = z.object({ DATABASE_URL: databaseUrl() });

/** What the seed and `auth:create-admin` run on: no HTTP server, no Kafka, no queues. */
@Module({
  imports: [
    PlatformConfigModule.forRoot(provisioningEnvironment),
    DatabaseModule,
    SharedModule,
    AuditModule,
    AccountsModule,
  ],
  providers: [
    UserProvisioning,
    Outbox,
    { provide: ManagedUserRepository, useClass: PrismaManagedUserRepository },
  ],
})
export class ProvisioningModule {}
