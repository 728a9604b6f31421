import { Module } from '@nestjs/common';
import { LinksModule } from '../links/links.module';
import { QrController } from './qr.controller';

@Module({ imports: [LinksModule], controllers: [QrController] })
export class QrModule {}
