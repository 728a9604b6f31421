import { Controller, Get, Param, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AdminOnly } from '@capstone/platform/auth';
import { RenderedMailResponse, TemplateSummaryResponse } from './dto/template.response';
import { TemplatePreview } from './template-preview';

@AdminOnly()
@Controller({ path: 'api/notifications/v1/admin/templates', version: VERSION_NEUTRAL })
export class TemplatePreviewController {
  constructor(private readonly preview: TemplatePreview) {}

  @Get()
  @ApiOperation({ summary: 'Every mail template' })
  @ApiOkResponse({ type: [TemplateSummaryResponse] })
  list(): TemplateSummaryResponse[] {
    return this.preview.list();
  }

  @Get(':template/preview')
  @ApiOperation({ summary: 'A template rendered with sample data' })
  @ApiOkResponse({ type: RenderedMailResponse })
  @ApiNotFoundResponse({ description: '`template_not_found`' })
  render(@Param('template') template: string): RenderedMailResponse {
    return this.preview.render(template);
  }
}
