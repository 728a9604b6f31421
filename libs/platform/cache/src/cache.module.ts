import {
  ConfigurableModuleBuilder,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { RedisCache, type RedisCacheOptions } from './redis-cache';

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } =
  new ConfigurableModuleBuilder<RedisCacheOptions>().setClassMethodName('forRoot').build();

/** `CacheModule.forRoot({ url, keyPrefix })` once in the app module; inject `RedisCache` anywhere. */
@Global()
@Module({
  providers: [
    {
      provide: RedisCache,
      useFactory: (options: RedisCacheOptions) => RedisCache.connect(options),
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [RedisCache],
})
export class CacheModule extends ConfigurableModuleClass implements OnApplicationShutdown {
  constructor(@Inject(RedisCache) private readonly cache: RedisCache) {
    super();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.cache.close();
  }
}
