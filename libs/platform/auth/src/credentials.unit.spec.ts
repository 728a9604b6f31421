import { AuthError, AuthErrorCode } from './auth-error';
import { credentialsFrom } from './credentials';

/** The AuthError credentialsFrom throws for these headers. */
function refusal(headers: Record<string, string>): Pick<AuthError, 'code' | 'message'> {
  try {
    credentialsFrom(headers);
  } catch (error) {
    if (error instanceof AuthError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('the credentials were accepted');
}

const malformed = {
  code: AuthErrorCode.TokenInvalid,
  message: 'Authorization must be "Bearer <token>", "Token <token>" or "ApiKey <key>"',
};

describe('reading credentials from request headers', () => {
  it('finds none when neither Authorization nor X-Api-Key is sent', () => {
    expect(credentialsFrom({})).toBeUndefined();
  });

  it('reads an access token from the Bearer scheme', () => {
    expect(credentialsFrom({ authorization: 'Bearer eyJ.a.b' })).toEqual({
      kind: 'access-token',
      token: 'eyJ.a.b',
    });
  });

  it('reads an access token from the RealWorld Token scheme, in any letter case', () => {
    expect(credentialsFrom({ authorization: 'tOKEN eyJ.a.b' })).toEqual({
      kind: 'access-token',
      token: 'eyJ.a.b',
    });
  });

  it('reads an API key from the ApiKey scheme or the X-Api-Key header, trimmed', () => {
    const key = { kind: 'api-key', key: 'cap_0123456789abcdef_secret' };

    expect(credentialsFrom({ authorization: 'ApiKey cap_0123456789abcdef_secret' })).toEqual(key);
    expect(credentialsFrom({ 'x-api-key': '  cap_0123456789abcdef_secret ' })).toEqual(key);
  });

  it('tolerates surrounding and repeated whitespace around the scheme', () => {
    expect(credentialsFrom({ authorization: '  Bearer   eyJ.a.b  ' })).toEqual({
      kind: 'access-token',
      token: 'eyJ.a.b',
    });
  });

  it('refuses an unknown scheme such as Basic', () => {
    expect(refusal({ authorization: 'Basic YWRhOnNlY3JldA==' })).toEqual(malformed);
  });

  it('refuses a scheme without a value, and a value with extra words', () => {
    expect(refusal({ authorization: 'Bearer' })).toEqual(malformed);
    expect(refusal({ authorization: 'Bearer eyJ.a.b extra' })).toEqual(malformed);
  });

  it('refuses a request that sends both Authorization and X-Api-Key', () => {
    expect(refusal({ authorization: 'Bearer eyJ.a.b', 'x-api-key': 'cap_key' })).toEqual({
      code: AuthErrorCode.TokenInvalid,
      message: 'send one credential: Authorization or X-Api-Key, not both',
    });
  });
});
