import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../accounts/password-policy';
import type { User } from '../accounts/user';
import { USERNAME_PATTERN } from '../registration/register.dto';
import {
  atLeast,
  atMost,
  emailAddress,
  FieldRules,
  matching,
  required,
  text,
  webAddress,
} from '@capstone/platform/http';

const blank = { message: "can't be blank" };
const emptyAsNull = ({ value }: { value: unknown }) => (value === '' ? null : value);
// On update an absent field is left alone, but a sent null or "" is a blank value.
const sent = (_: object, value: unknown) => value !== undefined;

const validUsername = matching(USERNAME_PATTERN, 'must be 1 to 64 letters, digits, _, . or -');
// The length window only: the spec accepts every password of 8 characters or more (ADR 0007).
const passwordRules = [
  required,
  text,
  atLeast(PASSWORD_MIN_LENGTH),
  atMost(PASSWORD_MAX_LENGTH),
] as const;

class LoginFields {
  @ApiProperty({ example: 'jake@jake.jake' })
  @FieldRules(required, text, atMost(254))
  email!: string;

  // Only the cap that bounds hashing: a short wrong password is "credentials invalid", like any other.
  @ApiProperty({ example: 'jakejakejake' })
  @FieldRules(required, text, atMost(PASSWORD_MAX_LENGTH))
  password!: string;
}

export class RealWorldLoginDto {
  @ApiProperty({ type: LoginFields })
  @IsDefined(blank)
  // ValidateNested takes an array as a list of zero or more bodies: `{"user": []}` must not pass.
  @IsObject(blank)
  @ValidateNested()
  @Type(() => LoginFields)
  user!: LoginFields;
}

class RegistrationFields {
  @ApiProperty({ example: 'jake', pattern: USERNAME_PATTERN.source })
  @FieldRules(required, text, validUsername)
  username!: string;

  @ApiProperty({ example: 'jake@jake.jake', maxLength: 254 })
  @FieldRules(required, emailAddress)
  email!: string;

  @ApiProperty({
    example: 'jakejakejake',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @FieldRules(...passwordRules)
  password!: string;
}

export class RealWorldRegistrationDto {
  @ApiProperty({ type: RegistrationFields })
  @IsDefined(blank)
  @IsObject(blank)
  @ValidateNested()
  @Type(() => RegistrationFields)
  user!: RegistrationFields;
}

class UpdateFields {
  @ApiPropertyOptional({ example: 'jake@jake.jake', maxLength: 254 })
  @ValidateIf(sent)
  @FieldRules(required, emailAddress)
  email?: string;

  @ApiPropertyOptional({ example: 'jake', pattern: USERNAME_PATTERN.source })
  @ValidateIf(sent)
  @FieldRules(required, text, validUsername)
  username?: string;

  @ApiPropertyOptional({
    example: 'a brand new staple of horses',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @ValidateIf(sent)
  @FieldRules(...passwordRules)
  password?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'I work at statefarm' })
  @Transform(emptyAsNull)
  @IsOptional()
  @FieldRules(text, atMost(2000))
  bio?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://i.stack.imgur.com/xHWG8.jpg',
  })
  @Transform(emptyAsNull)
  @IsOptional()
  @FieldRules(webAddress, atMost(2048))
  image?: string | null;
}

export class RealWorldUpdateDto {
  @ApiProperty({ type: UpdateFields })
  @IsDefined(blank)
  @IsObject(blank)
  @ValidateNested()
  @Type(() => UpdateFields)
  user!: UpdateFields;
}

class UserBody {
  @ApiProperty({ example: 'jake@jake.jake' }) email!: string;
  @ApiProperty({ example: 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIuLi4ifQ.c2ln' }) token!: string;
  @ApiProperty({ example: 'jake' }) username!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) bio!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) image!: string | null;
}

/** `{"user": {email, token, username, bio, image}}`, the one answer of every user endpoint. */
export class RealWorldUserResponse {
  @ApiProperty({ type: UserBody })
  user!: UserBody;

  static of(user: User, token: string): RealWorldUserResponse {
    return {
      user: { email: user.email, token, username: user.username, bio: user.bio, image: user.image },
    };
  }
}
