import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, OptionalAuth, type Principal } from '@capstone/platform/auth';
import { SlugParams } from '../shared/slug.params';
import { Comments } from './comments';
import {
  CommentListResponse,
  CommentParams,
  CommentResponse,
  NewCommentDto,
} from './realworld-comment.dto';

@ApiTags('RealWorld')
@ApiSecurity('token')
@Controller({ path: 'api/articles/:slug/comments', version: VERSION_NEUTRAL })
export class RealWorldCommentsController {
  constructor(private readonly comments: Comments) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Comment on an article; the body is Markdown' })
  @ApiCreatedResponse({ type: CommentResponse })
  async add(
    @Param() { slug }: SlugParams,
    @Body() { comment }: NewCommentDto,
    @CurrentUser() caller: Principal,
  ): Promise<CommentResponse> {
    return CommentResponse.of(await this.comments.add(slug, comment.body, caller));
  }

  @OptionalAuth()
  @Get()
  @ApiOperation({ summary: "An article's comments, newest first" })
  @ApiOkResponse({ type: CommentListResponse })
  async list(
    @Param() { slug }: SlugParams,
    @CurrentUser() reader?: Principal,
  ): Promise<CommentListResponse> {
    return CommentListResponse.of(await this.comments.list(slug, reader));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete one of your comments' })
  @ApiNoContentResponse()
  async remove(
    @Param() { slug, id }: CommentParams,
    @CurrentUser() caller: Principal,
  ): Promise<void> {
    await this.comments.remove(slug, id, caller);
  }
}
