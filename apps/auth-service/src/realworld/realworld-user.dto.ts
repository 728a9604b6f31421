import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsNotEmpty,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { User } from '../accounts/user';
import { USERNAME_PATTERN } from '../registration/register.dto';

// The spec's wording for an empty or missing required field.
const blank = { message: "can't be blank" };
const emptyAsNull = ({ value }: { value: unknown }) => (value === '' ? null : value);
const present = (_: object, value: unknown) => value !== undefined;

class LoginFields {
  @ApiProperty({ example: 'jake@jake.jake' })
  @IsDefined(blank)
  @IsString(blank)
  @IsNotEmpty(blank)
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'jakejakejake' })
  @IsDefined(blank)
  @IsString(blank)
  @IsNotEmpty(blank)
  @MaxLength(128)
  password!: string;
}

export class RealWorldLoginDto {
  @ApiProperty({ type: LoginFields })
  @IsDefined(blank)
  @IsNotEmptyObject({}, blank)
  @ValidateNested()
  @Type(() => LoginFields)
  user!: LoginFields;
}

class RegistrationFields extends LoginFields {
  @ApiProperty({ example: 'jake' })
  @IsDefined(blank)
  @IsString(blank)
  @IsNotEmpty(blank)
  @Matches(USERNAME_PATTERN, { message: 'must be 1 to 64 letters, digits, _, . or -' })
  username!: string;

  @IsEmail({}, { message: 'is invalid' })
  declare email: string;
}

export class RealWorldRegistrationDto {
  @ApiProperty({ type: RegistrationFields })
  @IsDefined(blank)
  @IsNotEmptyObject({}, blank)
  @ValidateNested()
  @Type(() => RegistrationFields)
  user!: RegistrationFields;
}

class UpdateFields {
  @ApiPropertyOptional({ example: 'jake@jake.jake' })
  @ValidateIf(present)
  @IsNotEmpty(blank)
  @IsEmail({}, { message: 'is invalid' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'jake' })
  @ValidateIf(present)
  @IsNotEmpty(blank)
  @Matches(USERNAME_PATTERN, { message: 'must be 1 to 64 letters, digits, _, . or -' })
  username?: string;

  @ApiPropertyOptional({ example: 'a brand new staple of horses' })
  @ValidateIf(present)
  @IsString(blank)
  @IsNotEmpty(blank)
  password?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'I work at statefarm' })
  @Transform(emptyAsNull)
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  bio?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://i.stack.imgur.com/xHWG8.jpg',
  })
  @Transform(emptyAsNull)
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'is invalid' })
  @MaxLength(2048)
  image?: string | null;
}

export class RealWorldUpdateDto {
  @ApiProperty({ type: UpdateFields })
  @IsDefined(blank)
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
