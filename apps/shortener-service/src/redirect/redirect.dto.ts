import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CodeParams {
  @Matches(/^[0-9A-Za-z-]{1,64}$/, { message: 'code must be letters, digits or dashes' })
  code!: string;
}

export class PasswordForm {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}
