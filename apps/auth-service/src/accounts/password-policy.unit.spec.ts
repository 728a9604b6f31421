import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PasswordPolicy,
  passwordProblems,
} from './password-policy';

const account = { email: 'ada@example.com', username: 'ada_lovelace' };

describe('the password policy', () => {
  it('accepts an uncommon password of the minimum length', () => {
    expect(passwordProblems('qz7!vK2m', account)).toEqual([]);
  });

  it('refuses a password one character shorter than the minimum', () => {
    expect(passwordProblems('qz7!vK2', account)).toEqual([
      {
        field: 'password',
        code: 'too_short',
        message: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
      },
    ]);
  });

  it('counts characters, not UTF-16 units, so eight emoji are long enough and seven are not', () => {
    expect(passwordProblems('🐙'.repeat(8), account)).toEqual([]);
    expect(passwordProblems('🐙'.repeat(7), account)).toEqual([
      expect.objectContaining({ code: 'too_short' }),
    ]);
  });

  it('accepts the maximum length and refuses one character more', () => {
    const longest = 'qz7!vK2m'.repeat(PASSWORD_MAX_LENGTH / 8);

    expect(passwordProblems(longest, account)).toEqual([]);
    expect(passwordProblems(`${longest}x`, account)).toEqual([
      {
        field: 'password',
        code: 'too_long',
        message: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
      },
    ]);
  });

  it('refuses a common leaked password whatever its case', () => {
    expect(passwordProblems('PassWord1', account)).toEqual([
      {
        field: 'password',
        code: 'too_common',
        message: 'is too common; choose a less predictable password',
      },
    ]);
  });

  it('refuses the account’s own email or username, compared as uniqueness keys', () => {
    const matches = {
      field: 'password',
      code: 'matches_account',
      message: 'must not be your email or username',
    };

    expect(passwordProblems('ADA@example.com', account)).toEqual([matches]);
    expect(passwordProblems('Ada_Lovelace', account)).toEqual([matches]);
  });

  it('names the field it was asked to check, such as newPassword on a password change', () => {
    expect(passwordProblems('short', account, 'newPassword')).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'too_short' }),
    ]);
  });

  it('applies only the length window under the length-only policy, as the RealWorld contract asks', () => {
    const lengthOnly = (password: string) =>
      passwordProblems(password, account, 'password', PasswordPolicy.LengthOnly);

    expect(lengthOnly('PassWord1')).toEqual([]);
    expect(lengthOnly('ada_lovelace')).toEqual([]);
    expect(lengthOnly('qz7!vK2')).toEqual([expect.objectContaining({ code: 'too_short' })]);
    expect(lengthOnly('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual([
      expect.objectContaining({ code: 'too_long' }),
    ]);
  });
});
