import { type DynamicModule, Module } from '@nestjs/common';
import type { z } from 'zod';
import { AppConfig } from './app-config';
import { loadConfiguration } from './load-configuration';

@Module({})
export class PlatformConfigModule {
  /** Validates the environment while the application is created and provides it app-wide as `AppConfig`. */
  static forRoot(schema: z.ZodObject): DynamicModule {
    return {
      module: PlatformConfigModule,
      global: true,
      providers: [
        { provide: AppConfig, useFactory: () => new AppConfig(loadConfiguration(schema)) },
      ],
      exports: [AppConfig],
    };
  }
}
