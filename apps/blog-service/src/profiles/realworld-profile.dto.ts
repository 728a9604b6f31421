import { ApiProperty } from '@nestjs/swagger';
import type { Profile } from './profile';

export class ProfileBody {
  @ApiProperty({ example: 'jake' }) username!: string;
  @ApiProperty({ type: String, nullable: true, example: 'I work at statefarm' })
  bio!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://i.stack.imgur.com/xHWG8.jpg' })
  image!: string | null;
  @ApiProperty({ example: false }) following!: boolean;
}

/** `{"profile": {username, bio, image, following}}`. */
export class ProfileResponse {
  @ApiProperty({ type: ProfileBody })
  profile!: ProfileBody;

  static of(profile: Profile): ProfileResponse {
    return { profile };
  }
}
