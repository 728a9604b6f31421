/** The `iss`, `aud` and lifetime of access tokens: what signing, publishing and verifying agree on. */
export abstract class AccessTokenSettings {
  abstract readonly issuer: string;
  abstract readonly audience: string;
  abstract readonly lifetimeSeconds: number;
}
