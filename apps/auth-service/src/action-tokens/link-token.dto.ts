import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The secret from an emailed link, posted back by the web app. */
export class LinkTokenDto {
  @ApiProperty({
    example: 'Vq3Qm1m4x2oJ9Zr7cT0bW8yKpL5sN6dFhG2aE4uX1iM',
    description: 'The `token` from the link',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  token!: string;
}
