import { randomUUID } from 'node:crypto';
import { base64url, SignJWT } from 'jose';
import { createSigningKey, type SigningKey } from './signing-key';
import type { TestTokenIssuer } from './test-token-issuer';

const encodeSegment = (value: object): string => base64url.encode(JSON.stringify(value));

/** Tokens an attacker (or a wrong clock) presents. A verifier must refuse every one of them. */
export class AttackTokens {
  private outsiderKey?: SigningKey;

  constructor(private readonly issuer: TestTokenIssuer) {}

  /** Expired an hour ago, far beyond any clock-skew allowance. */
  expired(): Promise<string> {
    return this.issuer.mint({ expiresIn: -3600 });
  }

  /** Valid only an hour from now. */
  notYetValid(): Promise<string> {
    return this.issuer.mint({ notBefore: 3600 });
  }

  /** Correctly signed, but claims another issuer. */
  wrongIssuer(): Promise<string> {
    return this.issuer.mint({ claims: { iss: 'https://impostor.example' } });
  }

  /** Correctly signed, but meant for another service. */
  wrongAudience(): Promise<string> {
    return this.issuer.mint({ claims: { aud: 'another-service' } });
  }

  /** `alg: none` and no signature: accepted by a verifier that lets the header choose the algorithm. */
  async algNone(): Promise<string> {
    const header = { alg: 'none', typ: 'JWT', kid: this.issuer.currentKid };
    return `${encodeSegment(header)}.${encodeSegment(this.issuer.claimsFor())}.`;
  }

  /** HS256 keyed with the public key's PEM: accepted by a verifier that feeds its key to any algorithm. */
  async hs256SignedWithPublicKey(): Promise<string> {
    const secret = new TextEncoder().encode(await this.issuer.publicKeyPem());
    return new SignJWT(this.issuer.claimsFor())
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: this.issuer.currentKid })
      .sign(secret);
  }

  /** A genuine token whose payload was edited to grant admin, keeping the original signature. */
  async tamperedPayload(): Promise<string> {
    const [header, payload, signature] = (await this.issuer.mint()).split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as object;
    return `${header}.${encodeSegment({ ...claims, roles: ['user', 'admin'] })}.${signature}`;
  }

  /** Signed by a key that was never published, under a key id nobody has seen before. */
  async unknownKid(): Promise<string> {
    this.outsiderKey ??= await createSigningKey(this.issuer.algorithm);
    return this.issuer.mint({
      signWith: this.outsiderKey,
      header: { kid: `unknown-${randomUUID()}` },
    });
  }

  /** The published key's id with another algorithm, signed by the attacker's own key of that type. */
  async algorithmNotMatchingKey(): Promise<string> {
    const otherAlgorithm = this.issuer.algorithm === 'EdDSA' ? 'ES256' : 'EdDSA';
    return this.issuer.mint({
      signWith: await createSigningKey(otherAlgorithm),
      header: { kid: this.issuer.currentKid },
    });
  }
}
