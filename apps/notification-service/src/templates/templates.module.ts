import { Module } from '@nestjs/common';
import { TemplatePreview } from './preview/template-preview';
import { TemplatePreviewController } from './preview/template-preview.controller';

@Module({ controllers: [TemplatePreviewController], providers: [TemplatePreview] })
export class TemplatesModule {}
