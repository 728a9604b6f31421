import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One line of the import report (OpenAPI's view of `ImportLineResult`). */
export class ImportLineReport {
  @ApiProperty({
    example: 2,
    description: 'The line of the file the record ends on; the header is line 1',
  })
  line!: number;

  @ApiProperty({ enum: ['created', 'failed'] })
  status!: 'created' | 'failed';

  @ApiPropertyOptional({
    example: '0192f0c1-5a6e-7b3d-9c2e-1f4a5b6c7d8e',
    description: 'created: the new link',
  })
  id?: string;

  @ApiPropertyOptional({ example: 'http://localhost:8080/s/spring-sale', description: 'created' })
  shortUrl?: string;

  @ApiPropertyOptional({
    example: 'slug_taken',
    description:
      'failed: a stable code — those of a create request (target_scheme, slug_reserved, slug_taken, …), or csv_too_many_cells, csv_unreadable, import_line_limit, file_too_large',
  })
  code?: string;

  @ApiPropertyOptional({ example: 'slug is already taken', description: 'failed: what is wrong' })
  error?: string;

  @ApiPropertyOptional({
    example: 'slug',
    description: 'failed: the column at fault, when one is (the first, when several are)',
  })
  field?: string;
}
