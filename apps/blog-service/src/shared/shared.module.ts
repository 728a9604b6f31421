import { Global, Module } from '@nestjs/common';
import { MarkdownRenderer } from './markdown';

@Global()
@Module({ providers: [MarkdownRenderer], exports: [MarkdownRenderer] })
export class SharedModule {}
