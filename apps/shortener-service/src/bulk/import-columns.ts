/** Why a header or a line cannot be read, in a client's terms. */
export interface ImportProblem {
  code: string;
  message: string;
}

/** The columns an import file may have, in any order; only targetUrl is required. */
export const IMPORT_COLUMNS = [
  'targetUrl',
  'slug',
  'title',
  'tags',
  'redirectType',
  'expiresAt',
  'maxVisits',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const byLowerCase = new Map(IMPORT_COLUMNS.map((column) => [column.toLowerCase(), column]));
const NUMERIC_COLUMNS: ReadonlySet<ImportColumn> = new Set(['redirectType', 'maxVisits']);
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The header line read as columns, matched without regard to case (spreadsheets rename them), or
 * what is wrong with it: an unknown or repeated column is refused rather than silently ignored.
 */
export function importColumnsOf(
  header: readonly string[],
): { columns: ImportColumn[] } | { problem: ImportProblem } {
  const columns: ImportColumn[] = [];
  for (const cell of header) {
    const column = byLowerCase.get(cell.trim().toLowerCase());
    if (!column)
      return problem(
        'csv_column_unknown',
        `unknown column "${cell.trim()}"; the columns are ${IMPORT_COLUMNS.join(', ')}`,
      );
    if (columns.includes(column))
      return problem('csv_column_repeated', `column ${column} appears twice`);
    columns.push(column);
  }
  if (!columns.includes('targetUrl'))
    return problem('csv_column_missing', 'the header must name a targetUrl column');
  return { columns };
}

/**
 * One line as the body of a create request, for the same validation a request gets: empty cells
 * are left out, tags are split on semicolons, and numbers become numbers (anything else stays
 * text, for the validation to name).
 */
export function createBodyOf(
  columns: readonly ImportColumn[],
  cells: readonly string[],
): { body: Record<string, unknown> } | { problem: ImportProblem } {
  if (cells.length > columns.length)
    return problem(
      'csv_too_many_cells',
      `the line has ${cells.length} cells; the header names ${columns.length}`,
    );
  const body: Record<string, unknown> = {};
  columns.forEach((column, index) => {
    const cell = cells[index]?.trim() ?? '';
    if (cell === '') return;
    if (column === 'tags') {
      body.tags = cell
        .split(';')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== '');
    } else {
      body[column] = NUMERIC_COLUMNS.has(column) && NUMBER.test(cell) ? Number(cell) : cell;
    }
  });
  return { body };
}

function problem(code: string, message: string): { problem: ImportProblem } {
  return { problem: { code, message } };
}
