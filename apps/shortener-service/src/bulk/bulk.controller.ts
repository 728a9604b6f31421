import '@fastify/multipart';
import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Logger,
  Post,
  Req,
  Res,
  VERSION_NEUTRAL,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CurrentUser, RequireScopes, type Principal } from '@capstone/platform/auth';
import { ValidationError } from '@capstone/platform/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { LINKS_READ, LINKS_WRITE } from '../links/link-scopes';
import { RateLimit } from '../protection/rate-limit';
import { ImportLineReport } from './bulk.dto';
import { IMPORT_COLUMNS } from './import-columns';
import { EXPORT_COLUMNS, LinkExport } from './link-export';
import { LinkImport, type ImportLineResult } from './link-import';

const NDJSON = 'application/x-ndjson';

@ApiTags('Links')
@ApiBearerAuth()
@ApiExtraModels(ImportLineReport)
@Controller({ path: 'api/shortener/v1/links', version: VERSION_NEUTRAL })
export class BulkController {
  private readonly logger = new Logger(BulkController.name);

  constructor(
    private readonly imports: LinkImport,
    private readonly exports: LinkExport,
  ) {}

  @RequireScopes(LINKS_WRITE)
  @RateLimit('link-import')
  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Create links from a CSV file, streamed line by line',
    description: `The first line names the columns, in any order: ${IMPORT_COLUMNS.join(', ')} (only targetUrl is required; tags are separated by semicolons). Each line is validated and created as a create request would be. The answer is NDJSON: one result per line, written as the line is imported. A file without a usable header answers 422.`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The CSV file' } },
    },
  })
  @ApiProduces(NDJSON)
  @ApiOkResponse({
    description: 'One JSON object per line of the file, in its order',
    content: { [NDJSON]: { schema: { $ref: getSchemaPath(ImportLineReport) } } },
  })
  async import(
    @CurrentUser() owner: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const upload = await request.file();
    if (!upload)
      throw new ValidationError([
        { field: 'file', message: 'a CSV file is required', code: 'required' },
      ]);
    const results = await this.imports.open(owner, upload.file);
    reply.type(`${NDJSON}; charset=utf-8`).header('Cache-Control', 'no-store');
    reply.send(Readable.from(this.ndjson(results)));
  }

  @RequireScopes(LINKS_READ)
  @Get('export.csv')
  @ApiOperation({ summary: 'All your links as CSV, newest first, streamed' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `A header line, then one line per link: ${EXPORT_COLUMNS.join(', ')}`,
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async export(@CurrentUser() owner: Principal, @Res() reply: FastifyReply): Promise<void> {
    const csv = this.exports.csvOf(owner, (error) =>
      this.logger.warn(`The export for ${owner.userId} stopped early: ${error.message}`),
    );
    reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="links.csv"')
      .header('Cache-Control', 'no-store');
    reply.send(csv);
  }

  private async *ndjson(results: AsyncIterable<ImportLineResult>): AsyncGenerator<string> {
    try {
      for await (const result of results) yield `${JSON.stringify(result)}\n`;
    } catch (error) {
      // The status went out with the first line: the client sees the report end early.
      this.logger.error(`An import stopped early: ${String(error)}`, (error as Error).stack);
      throw error;
    }
  }
}
