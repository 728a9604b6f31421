import { inadmissibleInputErrors, MAX_NESTING_DEPTH } from './inadmissible-input';

describe('input no DTO rule should have to think of', () => {
  it('names every field holding a NUL character or an unpaired surrogate, nested ones by their dotted path', () => {
    const body = {
      email: 'ada\u0000@example.com',
      user: { bio: 'tea \uDC00', tags: ['ok', '\uD800'] },
    };

    expect(inadmissibleInputErrors(body, '').map(({ field }) => field)).toEqual([
      'email',
      'user.bio',
      'user.tags.1',
    ]);
  });

  it('lets emoji, right-to-left and combining text through: their surrogates are paired', () => {
    expect(inadmissibleInputErrors({ name: '🦄 \u202Eمرحبا Z̷a̸' }, '')).toEqual([]);
  });

  it('names a path or query parameter by its own name', () => {
    expect(inadmissibleInputErrors('lamp\u0000', 'id')).toEqual([
      expect.objectContaining({ field: 'id', code: 'unstorable_text' }),
    ]);
  });

  it('refuses a body nested 100 000 objects deep once, at its top-level field, without overflowing the stack', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);

    expect(inadmissibleInputErrors(deep, '')).toEqual([
      { field: 'a', message: 'a is nested more than 32 levels deep', code: 'too_deeply_nested' },
    ]);
  });

  it('takes a value nested exactly as deep as allowed', () => {
    const deepest = JSON.parse(
      `${'{"a":'.repeat(MAX_NESTING_DEPTH)}"tea"${'}'.repeat(MAX_NESTING_DEPTH)}`,
    );

    expect(inadmissibleInputErrors(deepest, '')).toEqual([]);
  });
});
