import { Global, Module } from '@nestjs/common';
import { PasswordGuesses } from './password-guesses';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimits } from './rate-limits';

/** Rate limits, counted on SHORTENER_REDIS; global so any feature can put `@RateLimit` on its routes. */
@Global()
@Module({
  providers: [RateLimits, RateLimitGuard, PasswordGuesses],
  exports: [RateLimits, RateLimitGuard, PasswordGuesses],
})
export class ProtectionModule {}
