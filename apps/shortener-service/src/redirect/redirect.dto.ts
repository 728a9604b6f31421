import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** What a short code may look like: random codes and custom slugs both fit. */
export const CODE_FORMAT = /^[0-9A-Za-z-]{1,64}$/;
export const CODE_FORMAT_MESSAGE = 'code must be letters, digits or dashes';

export class CodeParams {
  @Matches(CODE_FORMAT, { message: CODE_FORMAT_MESSAGE })
  code!: string;
}

export class PasswordForm {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}
