import { Injectable } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';

/** Links into the web app at PUBLIC_APP_URL, on the routes of the RealWorld front end. */
@Injectable()
export class AppLinks {
  readonly home: string;

  constructor(config: AppConfig<Environment>) {
    this.home = config.get('PUBLIC_APP_URL').replace(/\/$/, '');
  }

  article(slug: string): string {
    return `${this.home}/article/${encodeURIComponent(slug)}`;
  }

  profile(username: string): string {
    return `${this.home}/profile/${encodeURIComponent(username)}`;
  }
}
