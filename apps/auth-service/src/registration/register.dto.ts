import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../accounts/password-policy';

/** Letters, digits, `_`, `.` and `-`: safe in URLs (`/api/profiles/:username`) and unambiguous on screen. */
export const USERNAME_PATTERN = /^[\p{L}\p{N}_.-]{1,64}$/u;

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'ada', pattern: USERNAME_PATTERN.source })
  @Matches(USERNAME_PATTERN, { message: 'username must be 1 to 64 letters, digits, _, . or -' })
  username!: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'No composition rules; common passwords and your email or username are refused',
  })
  @IsString()
  @IsNotEmpty()
  password!: string;
}

export class RegistrationAcceptedDto {
  @ApiProperty({ example: 'Check your inbox to confirm your email address, then log in.' })
  message!: string;
}
