import { bootstrapService } from '@capstone/platform/http';
import { AppModule } from './app.module';
import { httpOptions } from './http-options';

void bootstrapService(AppModule, httpOptions);
