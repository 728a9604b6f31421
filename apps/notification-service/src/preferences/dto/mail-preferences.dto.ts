import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class MailPreferencesDto {
  @ApiProperty({
    description:
      'Receive email that is not essential, such as the welcome. Security email always goes out.',
    example: false,
  })
  @IsBoolean()
  nonEssentialEmail!: boolean;
}
