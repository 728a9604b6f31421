import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@capstone/platform/auth';
import { TagList } from './tag-list';

class TagListResponse {
  @ApiProperty({ type: [String], example: ['dragons', 'training'] })
  tags!: string[];
}

@ApiTags('RealWorld')
@Controller({ path: 'api/tags', version: VERSION_NEUTRAL })
export class RealWorldTagsController {
  constructor(private readonly tags: TagList) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The most used tags, most used first' })
  @ApiOkResponse({ type: TagListResponse })
  async list(): Promise<TagListResponse> {
    return { tags: await this.tags.read() };
  }
}
