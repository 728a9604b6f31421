import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthUsersConsumer } from './auth-users.consumer';
import { AuthorCache } from './author-cache';
import { AuthorProjection } from './author-projection';
import { Authors } from './authors';
import { CurrentReaderInterceptor } from './current-reader.interceptor';
import { UserDirectoryModule } from './infrastructure/user-directory.module';

/** The author projection: fed by `auth.users`, repaired from auth-service, read by every slice. */
@Global()
@Module({
  imports: [UserDirectoryModule],
  providers: [
    AuthorCache,
    AuthorProjection,
    Authors,
    AuthUsersConsumer,
    { provide: APP_INTERCEPTOR, useClass: CurrentReaderInterceptor },
  ],
  exports: [Authors, AuthorProjection],
})
export class AuthorsModule {}
