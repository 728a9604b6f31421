import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@capstone/platform/auth';
import type { Page } from '../../shared/pagination';
import type { ManagedUser } from '../managed-user';

export class ManagedUserResponse {
  @ApiProperty({ example: '0193a6a0-5c1e-7cc0-9a51-7b2f6c0d1e2f' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'ada' })
  username!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty()
  emailVerified!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Set while the account is disabled' })
  disabledAt!: string | null;

  @ApiProperty({ example: '2026-11-21T16:00:00.000Z' })
  createdAt!: string;

  static of(user: ManagedUser): ManagedUserResponse {
    return {
      id: user.id,
      email: user.email,
      username: user.username,
      roles: user.roles,
      emailVerified: user.emailVerifiedAt !== null,
      disabledAt: user.disabledAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export class ManagedUserPageResponse {
  @ApiProperty({ type: [ManagedUserResponse] })
  items!: ManagedUserResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;

  static of(page: Page<ManagedUser>): ManagedUserPageResponse {
    return { items: page.items.map(ManagedUserResponse.of), nextCursor: page.nextCursor };
  }
}
