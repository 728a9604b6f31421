import { Module } from '@nestjs/common';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { PrismaApiKeyRepository } from './infrastructure/prisma-api-key.repository';
import { ApiKeyVerificationController } from './verification/api-key-verification.controller';
import { ApiKeyVerification } from './verification/api-key-verification.service';

@Module({
  controllers: [ApiKeysController, ApiKeyVerificationController],
  providers: [
    ApiKeysService,
    ApiKeyVerification,
    { provide: ApiKeyRepository, useClass: PrismaApiKeyRepository },
  ],
})
export class ApiKeysModule {}
