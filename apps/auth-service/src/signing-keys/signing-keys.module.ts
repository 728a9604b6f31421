import { Module } from '@nestjs/common';
import { AccessTokenIssuer } from './access-token-issuer';
import { SigningKeyRingModule } from './signing-key-ring.module';
import { SigningKeyStartup } from './signing-key-startup';
import { WellKnownController } from './well-known.controller';

@Module({
  imports: [SigningKeyRingModule],
  controllers: [WellKnownController],
  providers: [AccessTokenIssuer, SigningKeyStartup],
  exports: [SigningKeyRingModule, AccessTokenIssuer],
})
export class SigningKeysModule {}
