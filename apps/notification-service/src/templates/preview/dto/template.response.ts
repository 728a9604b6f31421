import { ApiProperty } from '@nestjs/swagger';

export class TemplateSummaryResponse {
  @ApiProperty({ example: 'welcome' }) name!: string;
  @ApiProperty({ description: 'Essential mail ignores the recipient’s opt-outs' })
  essential!: boolean;
}

export class RenderedMailResponse {
  @ApiProperty({ example: 'Welcome to Capstone' }) subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
}
