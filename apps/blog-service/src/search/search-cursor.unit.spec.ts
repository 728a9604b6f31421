import { ValidationError } from '@capstone/platform/http';
import { cursorAt, positionOf } from './search-cursor';

const position = {
  rank: 0.0607927,
  createdAt: '2026-02-18T03:22:56.637Z',
  id: '0193a6a0-5c1e-7cc0-9a51-7b2f6c0d1e2f',
};
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('search cursors', () => {
  it('give back exactly the position they were made from', () => {
    expect(positionOf(cursorAt(position))).toEqual(position);
  });

  it('are URL-safe text', () => {
    expect(cursorAt(position)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['text that is not base64url JSON', 'not a cursor!'],
    ['an empty cursor', ''],
    ['JSON of another shape', encoded({ rank: 1 })],
    ['a rank that is not a number', encoded(['1', position.createdAt, position.id])],
    ['a negative rank', encoded([-1, position.createdAt, position.id])],
    ['a time that is not an ISO instant', encoded([1, 'yesterday', position.id])],
    ['an impossible date', encoded([1, '2026-13-45T00:00:00.000Z', position.id])],
    ['an id that is not a UUID', encoded([1, position.createdAt, "1' OR '1'='1"])],
    ['a fourth element', encoded([1, position.createdAt, position.id, 'extra'])],
  ])('refuse %s as invalid_cursor', (_, cursor) => {
    expect(() => positionOf(cursor)).toThrow(ValidationError);
    expect(() => positionOf(cursor)).toThrow(
      expect.objectContaining({
        code: 'invalid_cursor',
        fieldErrors: [expect.objectContaining({ field: 'cursor', code: 'invalid_cursor' })],
      }),
    );
  });
});
