import { Module } from '@nestjs/common';
import { PrismaRecipientRepository } from './infrastructure/prisma-recipient-repository';
import { RecipientProjection } from './recipient-projection';
import { RecipientRepository } from './recipient-repository';

/** Who the users are, from `auth.users`: blog events name users by id, email needs an address. */
@Module({
  providers: [
    RecipientProjection,
    { provide: RecipientRepository, useClass: PrismaRecipientRepository },
  ],
  exports: [RecipientProjection, RecipientRepository],
})
export class RecipientsModule {}
