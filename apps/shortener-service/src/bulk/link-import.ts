import { Injectable } from '@nestjs/common';
import type { Principal } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import { createValidationPipe, DomainError, ValidationError } from '@capstone/platform/http';
import { parse, type CsvError, type Info, type Parser } from 'csv-parse';
import type { Readable } from 'node:stream';
import type { Environment } from '../config/environment';
import { LinkCatalog } from '../links/link-catalog';
import { CreateLinkDto } from '../links/link.dto';
import { shortUrlOf } from '../links/short-url';
import {
  createBodyOf,
  importColumnsOf,
  type ImportColumn,
  type ImportProblem,
} from './import-columns';

/** What became of one line of an import file: the link made from it, or why none was. */
export type ImportLineResult =
  | { line: number; status: 'created'; id: string; shortUrl: string }
  | { line: number; status: 'failed'; code: string; error: string; field?: string };

/** The file of a multipart upload, which stops short and says so once it passes UPLOAD_LIMIT. */
export interface UploadedFile extends Readable {
  readonly truncated: boolean;
}

/** A record of the file, or a line the parser could not read (an unclosed or stray quote). */
type ParsedLine = { record: string[]; info: Info } | { unreadable: CsvError };

/**
 * Links made from a CSV upload as it streams in: one record is read, validated as a create request
 * would be and created before the next, so a file of any length holds one line in memory, and the
 * upload waits while the database works.
 */
@Injectable()
export class LinkImport {
  private readonly validation = createValidationPipe();
  private readonly maxLines: number;
  private readonly base: string;

  constructor(
    private readonly catalog: LinkCatalog,
    config: AppConfig<Environment>,
  ) {
    this.maxLines = config.get('IMPORT_MAX_LINES');
    this.base = config.get('SHORT_LINK_BASE_URL');
  }

  /**
   * Reads the header line, then answers each further line's result as it is imported. A file
   * without a usable header is refused with a ValidationError before any link is made.
   */
  async open(owner: Principal, file: UploadedFile): Promise<AsyncGenerator<ImportLineResult>> {
    const parser: Parser = parse({
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // A broken line is reported in its place among the records, and reading goes on after it.
      skip_records_with_error: true,
      on_skip: (unreadable) => {
        if (unreadable) parser.push({ unreadable } satisfies ParsedLine);
        return undefined;
      },
    });
    file.on('error', (error) => parser.destroy(error));
    file.pipe(parser);
    // Whatever ends the import, the rest of the upload is read and dropped, so the connection stays usable.
    const release = () => {
      file.unpipe(parser);
      parser.destroy();
      file.resume();
    };
    const lines = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedLine>;
    try {
      const columns = columnsOf(await lines.next());
      if ('problem' in columns) throw new ValidationError([{ field: 'file', ...columns.problem }]);
      return this.results(owner, columns.columns, lines, file, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  private async *results(
    owner: Principal,
    columns: readonly ImportColumn[],
    lines: AsyncIterator<ParsedLine>,
    file: UploadedFile,
    release: () => void,
  ): AsyncGenerator<ImportLineResult> {
    let imported = 0;
    let lastLine = 1;
    try {
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        const parsed = next.value;
        const line = 'record' in parsed ? parsed.info.lines : Number(parsed.unreadable.lines);
        // Once the upload is cut at UPLOAD_LIMIT, a line still buffered may be cut short: none is trusted.
        if (file.truncated || imported === this.maxLines) {
          yield file.truncated ? tooLarge(line) : tooMany(line, this.maxLines);
          return;
        }
        imported += 1;
        lastLine = line;
        yield 'record' in parsed
          ? await this.importLine(owner, columns, parsed.record, line)
          : failed(line, unreadableProblem(parsed.unreadable));
      }
      if (file.truncated) yield tooLarge(lastLine + 1);
    } finally {
      release();
    }
  }

  private async importLine(
    owner: Principal,
    columns: readonly ImportColumn[],
    cells: string[],
    line: number,
  ): Promise<ImportLineResult> {
    const request = createBodyOf(columns, cells);
    if ('problem' in request) return failed(line, request.problem);
    try {
      // The very pipe a create request's body goes through, then the same catalog call.
      const terms = (await this.validation.transform(request.body, {
        type: 'body',
        metatype: CreateLinkDto,
      })) as CreateLinkDto;
      const link = await this.catalog.create(owner, terms);
      return { line, status: 'created', id: link.id, shortUrl: shortUrlOf(this.base, link.code) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const [first] = error.fieldErrors;
      return first
        ? failed(line, first, first.field)
        : failed(line, { code: error.code, message: error.message });
    }
  }
}

function columnsOf(
  header: IteratorResult<ParsedLine>,
): { columns: ImportColumn[] } | { problem: ImportProblem } {
  if (header.done)
    return {
      problem: {
        code: 'csv_empty',
        message: 'the file is empty; its first line must name the columns',
      },
    };
  if ('unreadable' in header.value) return { problem: unreadableProblem(header.value.unreadable) };
  return importColumnsOf(header.value.record);
}

function failed(line: number, { code, message }: ImportProblem, field?: string): ImportLineResult {
  return { line, status: 'failed', code, error: message, ...(field ? { field } : {}) };
}

function unreadableProblem(error: CsvError): ImportProblem {
  return { code: 'csv_unreadable', message: `the line is not valid CSV: ${error.message}` };
}

function tooLarge(line: number): ImportLineResult {
  return failed(line, {
    code: 'file_too_large',
    message: 'the file is larger than an upload may be; this line and those after it were not read',
  });
}

function tooMany(line: number, maxLines: number): ImportLineResult {
  return failed(line, {
    code: 'import_line_limit',
    message: `an import holds at most ${maxLines} links; this line and those after it were not read`,
  });
}
