import { ApiProperty } from '@nestjs/swagger';
import type { CommentView } from '../comments/comment';
import { ProfileBody } from '../profiles/realworld-profile.dto';
import { MARKDOWN_SOURCE } from './native-article.dto';

export class NativeCommentResponse {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: '2026-02-18T03:22:56.637Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-02-18T03:22:56.637Z' }) updatedAt!: string;

  @ApiProperty({ example: 'It takes a **Jacobian**', description: MARKDOWN_SOURCE })
  body!: string;

  @ApiProperty({
    example: '<p>It takes a <strong>Jacobian</strong></p>\n',
    description:
      'The comment rendered to HTML and sanitised against an allow-list: safe to insert into a page as it is.',
  })
  bodyHtml!: string;

  @ApiProperty({
    type: ProfileBody,
    description: "The commenter's profile; `username` and `bio` are plain text: escape them.",
  })
  author!: ProfileBody;

  static of({
    id,
    createdAt,
    updatedAt,
    body,
    bodyHtml,
    author,
  }: CommentView): NativeCommentResponse {
    return { id, createdAt, updatedAt, body, bodyHtml, author };
  }
}
