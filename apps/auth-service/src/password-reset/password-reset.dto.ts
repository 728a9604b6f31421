import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../accounts/password-policy';
import { LinkTokenDto } from '../action-tokens/link-token.dto';

export class ResetRequestDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class ResetConfirmationDto extends LinkTokenDto {
  @ApiProperty({
    example: 'a brand new staple of horses',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsString()
  password!: string;
}
