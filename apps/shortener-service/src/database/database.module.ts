import { Global, Module } from '@nestjs/common';
import { TransactionsModule } from '@capstone/platform/events';
import { PrismaService } from './prisma.service';

/** The service's Prisma client, and ambient transactions on it for every context that imports this. */
@Global()
@Module({
  imports: [TransactionsModule.forRoot({ database: PrismaService })],
  providers: [PrismaService],
  exports: [PrismaService],
})
export class DatabaseModule {}
