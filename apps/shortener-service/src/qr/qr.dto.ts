import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { QR_FORMATS, QR_MAX_SIZE, QR_MIN_SIZE, type QrFormat } from './qr-code';

export class QrQueryDto {
  @ApiPropertyOptional({ enum: QR_FORMATS, default: 'svg' })
  @IsOptional()
  @IsIn(QR_FORMATS)
  format: QrFormat = 'svg';

  @ApiPropertyOptional({
    minimum: QR_MIN_SIZE,
    maximum: QR_MAX_SIZE,
    default: 256,
    description: 'Width and height in pixels',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(QR_MIN_SIZE)
  @Max(QR_MAX_SIZE)
  size = 256;
}
