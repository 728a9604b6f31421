import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import type { PrismaService } from './prisma.service';

/** Names this service's client in `TransactionHost<PrismaTransactions>`, so `txHost.tx` is typed by its schema. */
export type PrismaTransactions = TransactionalAdapterPrisma<PrismaService>;
