import type { StoredSigningKey } from './signing-key';

export abstract class SigningKeyRepository {
  /** Every key not retired before `retiredAfter`: the candidates to sign and to publish. */
  abstract listCurrent(retiredAfter: Date): Promise<StoredSigningKey[]>;
  /**
   * Adds `key` and retires every other current key at its activation, atomically and one rotation
   * at a time. With `onlyIfNone`, does nothing when a current key exists (first start of a replica).
   */
  abstract add(key: StoredSigningKey, options: { onlyIfNone: boolean }): Promise<boolean>;
}
