import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { atMost, FieldRules, required, text } from '@capstone/platform/http';
import { ProfileBody } from '../profiles/realworld-profile.dto';
import { COMMENT_MAX_LENGTH, type CommentView } from './comment';

const blank = { message: "can't be blank" };

class NewCommentFields {
  @ApiProperty({ example: 'It takes a Jacobian', maxLength: COMMENT_MAX_LENGTH })
  @FieldRules(required, text, atMost(COMMENT_MAX_LENGTH))
  body!: string;
}

export class NewCommentDto {
  @ApiProperty({ type: NewCommentFields })
  @IsDefined(blank)
  @IsObject(blank)
  @ValidateNested()
  @Type(() => NewCommentFields)
  comment!: NewCommentFields;
}

export class CommentParams {
  @ApiProperty({ example: 'how-to-train-your-dragon' })
  @IsString()
  @MaxLength(200)
  slug!: string;

  @ApiProperty({ example: 1 })
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1)
  @Max(2_147_483_647)
  id!: number;
}

class CommentBody {
  @ApiProperty({ example: 1 }) id!: number;
  @ApiProperty({ example: '2026-02-18T03:22:56.637Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-02-18T03:22:56.637Z' }) updatedAt!: string;
  @ApiProperty({ example: 'It takes a Jacobian' }) body!: string;
  @ApiProperty({ type: ProfileBody }) author!: ProfileBody;

  static of(comment: CommentView): CommentBody {
    const { id, createdAt, updatedAt, body, author } = comment;
    return { id, createdAt, updatedAt, body, author };
  }
}

export class CommentResponse {
  @ApiProperty({ type: CommentBody })
  comment!: CommentBody;

  static of(comment: CommentView): CommentResponse {
    return { comment: CommentBody.of(comment) };
  }
}

export class CommentListResponse {
  @ApiProperty({ type: [CommentBody] })
  comments!: CommentBody[];

  static of(comments: CommentView[]): CommentListResponse {
    return { comments: comments.map(CommentBody.of) };
  }
}
