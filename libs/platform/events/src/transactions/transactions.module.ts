import type { DynamicModule, InjectionToken, ModuleMetadata } from '@nestjs/common';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import { ClsModule } from 'nestjs-cls';

export interface TransactionsModuleOptions {
  /** The Prisma client's injection token (the service's PrismaService). */
  database: InjectionToken;
  /** The module providing it, unless that module is global (as every service's DatabaseModule is). */
  imports?: ModuleMetadata['imports'];
}

/**
 * Ambient transactions for one service. `TransactionHost.withTransaction` opens a transaction on the
 * service's Prisma client, and whatever reads `TransactionHost.tx` within that call joins it:
 * repositories, the outbox, a consumer's processed-event record. Outside one, `tx` is the client.
 */
export class TransactionsModule {
  static forRoot({ database, imports = [] }: TransactionsModuleOptions): DynamicModule {
    return ClsModule.forRoot({
      global: true,
      plugins: [
        new ClsPluginTransactional({
          imports,
          adapter: new TransactionalAdapterPrisma({ prismaInjectionToken: database }),
        }),
      ],
    });
  }
}
