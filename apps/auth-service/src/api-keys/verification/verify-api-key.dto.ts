import { ApiProperty } from '@nestjs/swagger';
import type { ApiKeyVerificationRequest } from '@capstone/platform/auth';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The request half of `libs/platform/auth`'s verification contract, as a validated DTO. */
export class VerifyApiKeyDto implements ApiKeyVerificationRequest {
  @ApiProperty({ example: 'cap_3f9a1c0d2b4e6f80_9b1d…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  key!: string;
}

/** The 200 answer; an unknown, expired or revoked key gets 401 `api_key_invalid`. */
export class ApiKeyOwnerResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ['user', 'admin'], isArray: true }) roles!: ('user' | 'admin')[];
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty({ example: ['articles:write'] }) scopes!: string[];
}
