import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type Delivery, type DeliveryStatus } from '../delivery';

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'email-verification' }) template!: string;
  @ApiProperty({ example: 'ada@example.com' }) recipient!: string;
  @ApiProperty({ enum: ['job', 'event'] }) source!: 'job' | 'event';
  @ApiProperty({ description: 'The BullMQ job id or the Kafka event id that asked for the email' })
  sourceId!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ description: 'Conversations with the mail server so far' }) attempts!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) providerMessageId!: string | null;
  @ApiProperty() requestedAt!: Date;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({ type: Date, nullable: true }) sentAt!: Date | null;

  static of({ source, ...delivery }: Delivery): DeliveryResponse {
    return { ...delivery, source: source.kind, sourceId: source.id };
  }
}
