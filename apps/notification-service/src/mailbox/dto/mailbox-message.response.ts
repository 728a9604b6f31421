import { ApiProperty } from '@nestjs/swagger';

export class MailboxMessageResponse {
  @ApiProperty({ format: 'uuid' }) deliveryId!: string;
  @ApiProperty({ example: 'Capstone <no-reply@capstone.local>' }) from!: string;
  @ApiProperty({ example: 'ada@example.com' }) to!: string;
  @ApiProperty({ example: 'Confirm your email address' }) subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
  @ApiProperty() receivedAt!: Date;
}
