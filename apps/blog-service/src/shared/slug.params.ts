import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class SlugParams {
  @ApiProperty({ example: 'how-to-train-your-dragon' })
  @IsString()
  @MaxLength(200)
  slug!: string;
}
