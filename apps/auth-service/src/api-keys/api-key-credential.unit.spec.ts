import { ApiKeyCredential } from './api-key-credential';

const prefix = '0123456789abcdef';
const secret = 'f'.repeat(64);

describe('the API key format', () => {
  it('reads a well-formed key into its prefix and shows it back unchanged', () => {
    const credential = ApiKeyCredential.parse(`cap_${prefix}_${secret}`);

    expect(credential?.prefix).toBe(prefix);
    expect(credential?.reveal()).toBe(`cap_${prefix}_${secret}`);
  });

  it.each([
    ['another product’s prefix', `sk_${prefix}_${secret}`],
    ['a short prefix', `cap_0123456789abcde_${secret}`],
    ['a short secret', `cap_${prefix}_${'f'.repeat(63)}`],
    ['upper-case hex', `cap_${prefix.toUpperCase()}_${secret}`],
    ['surrounding text', ` cap_${prefix}_${secret}`],
    ['nothing', ''],
  ])('refuses %s as a key that does not exist', (_case, presented) => {
    expect(ApiKeyCredential.parse(presented)).toBeNull();
  });

  it('generates keys in its own format, each one different', () => {
    const [first, second] = [ApiKeyCredential.generate(), ApiKeyCredential.generate()];

    expect(first.reveal()).toMatch(/^cap_[0-9a-f]{16}_[0-9a-f]{64}$/);
    expect(first.reveal()).not.toBe(second.reveal());
  });

  it('matches the SHA-256 of its own secret and no other stored hash', () => {
    const credential = ApiKeyCredential.generate();

    expect(credential.matches(credential.secretHash)).toBe(true);
    expect(credential.matches(ApiKeyCredential.generate().secretHash)).toBe(false);
    expect(credential.matches('')).toBe(false);
  });
});
