import { ApiProperty } from '@nestjs/swagger';
import type { User } from './user';

/** An account as its owner sees it through the native API. */
export class AccountDto {
  @ApiProperty({ example: '01933b7e-8f1a-7c3e-9a4b-2d5e6f708192' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'ada' })
  username!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Counts things.' })
  bio!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'https://example.com/ada.png' })
  image!: string | null;

  @ApiProperty({ example: ['user'] })
  roles!: string[];

  @ApiProperty({ example: false })
  emailVerified!: boolean;

  @ApiProperty({ example: '2026-11-21T15:00:00.000Z' })
  createdAt!: string;

  static of(user: User): AccountDto {
    return {
      id: user.id,
      email: user.email,
      username: user.username,
      bio: user.bio,
      image: user.image,
      roles: [...user.roles],
      emailVerified: user.emailVerifiedAt !== null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
