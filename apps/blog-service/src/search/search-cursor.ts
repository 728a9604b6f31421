import { ValidationError } from '@capstone/platform/http';

/** Where a page of hits ended: the full sort key of its last hit, so the next page starts after it. */
export interface SearchPosition {
  rank: number;
  /** ISO 8601, to the millisecond the column holds. */
  createdAt: string;
  id: string;
}

// Far longer than any cursor this API writes: nothing longer is decoded.
const CURSOR_MAX_LENGTH = 200;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: they pass back what `nextCursor` said, and may not build one of their own. */
export function cursorAt({ rank, createdAt, id }: SearchPosition): string {
  return Buffer.from(JSON.stringify([rank, createdAt, id])).toString('base64url');
}

/** The position a cursor names; a cursor this API did not give is the client's `invalid_cursor`. */
export function positionOf(cursor: string): SearchPosition {
  const [rank, createdAt, id] = decoded(cursor);
  if (
    typeof rank !== 'number' ||
    !Number.isFinite(rank) ||
    rank < 0 ||
    typeof createdAt !== 'string' ||
    !ISO_INSTANT.test(createdAt) ||
    Number.isNaN(Date.parse(createdAt)) ||
    typeof id !== 'string' ||
    !UUID.test(id)
  ) {
    throw invalidCursor();
  }
  return { rank, createdAt, id };
}

function decoded(cursor: string): unknown[] {
  if (cursor.length > CURSOR_MAX_LENGTH) throw invalidCursor();
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3) return value;
  } catch {
    // Not base64url JSON: reported below like any other cursor of the wrong shape.
  }
  throw invalidCursor();
}

function invalidCursor(): ValidationError {
  return new ValidationError(
    [{ field: 'cursor', message: 'is not a cursor this API gave', code: 'invalid_cursor' }],
    'The cursor is not one a previous page of this search returned',
    { code: 'invalid_cursor' },
  );
}
