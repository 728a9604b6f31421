import {
  ConfigurableModuleBuilder,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ObjectStorage, type ObjectStorageOptions } from './object-storage';

const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN } =
  new ConfigurableModuleBuilder<ObjectStorageOptions>().setClassMethodName('forRoot').build();

/**
 * `StorageModule.forRootAsync({ inject: [AppConfig], useFactory })` once in the app module; inject
 * `ObjectStorage` anywhere. The bucket is made at start when it is missing, so a wrong endpoint,
 * credential or bucket name stops the service at once instead of failing its first upload.
 */
@Global()
@Module({
  providers: [
    {
      provide: ObjectStorage,
      useFactory: async (options: ObjectStorageOptions) => {
        const storage = new ObjectStorage(options);
        try {
          await storage.ensureBucket();
        } catch (error) {
          storage.close();
          throw error;
        }
        return storage;
      },
      inject: [MODULE_OPTIONS_TOKEN],
    },
  ],
  exports: [ObjectStorage],
})
export class StorageModule extends ConfigurableModuleClass implements OnApplicationShutdown {
  constructor(@Inject(ObjectStorage) private readonly storage: ObjectStorage) {
    super();
  }

  onApplicationShutdown(): void {
    this.storage.close();
  }
}
