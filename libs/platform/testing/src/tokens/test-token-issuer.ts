import { randomUUID } from 'node:crypto';
import { exportSPKI, SignJWT, type JWTHeaderParameters } from 'jose';
import { AttackTokens } from './attack-tokens';
import { JwksServer } from './jwks-server';
import { createSigningKey, type SigningKey, type TestSigningAlgorithm } from './signing-key';

export interface TestTokenIssuerOptions {
  issuer?: string;
  audience?: string;
  algorithm?: TestSigningAlgorithm;
}

/** The claims of a Capstone access token. Setting one to `undefined` leaves it out of the token. */
export interface TestTokenClaims {
  iss?: string;
  aud?: string | string[];
  sub?: string;
  sid?: string;
  username?: string;
  roles?: string[];
  email_verified?: boolean;
  iat?: number;
  exp?: number;
  nbf?: number;
  [claim: string]: unknown;
}

export interface MintOptions {
  claims?: TestTokenClaims;
  header?: Partial<JWTHeaderParameters>;
  /** Seconds from now; negative for a token that has already expired. Defaults to 15 minutes. */
  expiresIn?: number;
  /** Seconds from now before which the token is not valid (`nbf`); absent by default. */
  notBefore?: number;
  /** Sign with this key instead of the issuer's current one. */
  signWith?: SigningKey;
}

const ACCESS_TOKEN_LIFETIME_SECONDS = 15 * 60;

/**
 * Plays auth-service in tests: real key pairs, a real JWKS over HTTP, and access tokens with the
 * same claims auth-service signs, plus the attack tokens a verifier must refuse.
 *
 *   const issuer = await TestTokenIssuer.start();
 *   AuthModule.forRoot(issuer.authOptions);
 *   await request(server).get('/me').set('Authorization', `Bearer ${await issuer.mint()}`);
 */
export class TestTokenIssuer {
  readonly attacks = new AttackTokens(this);
  private published: SigningKey[];

  private constructor(
    readonly issuer: string,
    readonly audience: string,
    readonly algorithm: TestSigningAlgorithm,
    private signingKey: SigningKey,
    private readonly jwks: JwksServer,
  ) {
    this.published = [signingKey];
    this.publish();
  }

  static async start(options: TestTokenIssuerOptions = {}): Promise<TestTokenIssuer> {
    const algorithm = options.algorithm ?? 'EdDSA';
    return new TestTokenIssuer(
      options.issuer ?? 'https://auth.capstone.test',
      options.audience ?? 'capstone',
      algorithm,
      await createSigningKey(algorithm),
      await JwksServer.start(),
    );
  }

  get jwksUrl(): string {
    return this.jwks.url;
  }

  /** What a service's `AuthModule.forRoot` needs to trust this issuer. */
  get authOptions(): { jwksUrl: string; issuer: string; audience: string } {
    return { jwksUrl: this.jwksUrl, issuer: this.issuer, audience: this.audience };
  }

  /** How many times the JWKS has been requested so far. */
  get jwksFetches(): number {
    return this.jwks.fetches;
  }

  /** Set to false to make the JWKS endpoint answer 503. */
  set jwksAvailable(available: boolean) {
    this.jwks.available = available;
  }

  get currentKid(): string {
    return this.signingKey.kid;
  }

  /** Signs an access token as auth-service would; claims, header and times can all be overridden. */
  mint(options: MintOptions = {}): Promise<string> {
    const key = options.signWith ?? this.signingKey;
    return new SignJWT(this.claimsFor(options))
      .setProtectedHeader({ alg: key.algorithm, typ: 'JWT', kid: key.kid, ...options.header })
      .sign(key.privateKey);
  }

  /** The claim set mint() would sign, for tokens assembled by hand. */
  claimsFor(
    options: Pick<MintOptions, 'claims' | 'expiresIn' | 'notBefore'> = {},
  ): TestTokenClaims {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: this.issuer,
      aud: this.audience,
      sub: randomUUID(),
      sid: randomUUID(),
      username: 'jake',
      roles: ['user'],
      email_verified: true,
      iat: now,
      exp: now + (options.expiresIn ?? ACCESS_TOKEN_LIFETIME_SECONDS),
      ...(options.notBefore !== undefined && { nbf: now + options.notBefore }),
      ...options.claims,
    };
  }

  /** The current public key in PEM, the bytes an algorithm-confusion attacker would use as an HMAC secret. */
  publicKeyPem(): Promise<string> {
    return exportSPKI(this.signingKey.publicKey);
  }

  /** Publishes a new key and signs with it from now on; older keys stay published until retired. */
  async rotate(): Promise<string> {
    this.signingKey = await createSigningKey(this.algorithm);
    this.published.push(this.signingKey);
    this.publish();
    return this.signingKey.kid;
  }

  /** Withdraws a key from the JWKS, as auth-service does once the last token it signed has expired. */
  retire(kid: string): void {
    this.published = this.published.filter((key) => key.kid !== kid);
    this.publish();
  }

  close(): Promise<void> {
    return this.jwks.close();
  }

  private publish(): void {
    this.jwks.publish(this.published.map((key) => key.publicJwk));
  }
}
