import { Injectable } from '@nestjs/common';
import { ValidationError } from '@capstone/platform/http';
import { v7 as uuidv7 } from 'uuid';
import { Clock, secondsAfter } from '../shared/clock';
import { digestOf, newOpaqueToken } from '../shared/opaque-token';
import { ActionTokenRepository, type ActionPurpose } from './action-token-repository';

export interface IssuedLink {
  /** The secret for the email; only its digest is stored. */
  token: string;
  expiresAt: Date;
}

/** Issues and redeems the secrets behind emailed links (verification, password reset). */
@Injectable()
export class ActionLinks {
  constructor(
    private readonly tokens: ActionTokenRepository,
    private readonly clock: Clock,
  ) {}

  async issue(
    userId: string,
    purpose: ActionPurpose,
    lifetimeSeconds: number,
  ): Promise<IssuedLink> {
    const token = newOpaqueToken();
    const createdAt = this.clock.now();
    const expiresAt = secondsAfter(createdAt, lifetimeSeconds);
    await this.tokens.create({
      id: uuidv7(),
      userId,
      purpose,
      digest: digestOf(token),
      createdAt,
      expiresAt,
    });
    return { token, expiresAt };
  }

  /** The user a valid link is for, or null; the link stays usable (check before doing slow work). */
  ownerOf(token: string, purpose: ActionPurpose): Promise<string | null> {
    return this.tokens.findUsable(digestOf(token), purpose, this.clock.now());
  }

  /**
   * The user a valid link was for, or null for an unknown, used or expired one. Every link of that
   * purpose is then spent; run it in a transaction so that a later refusal leaves the link unused.
   */
  async redeem(token: string, purpose: ActionPurpose): Promise<string | null> {
    const now = this.clock.now();
    const userId = await this.tokens.consume(digestOf(token), purpose, now);
    if (userId) await this.tokens.voidOpen(userId, purpose, now);
    return userId;
  }
}

/** One answer for an unknown, used or expired link: which of them it was helps only an attacker. */
export function unusableLink(): ValidationError {
  return new ValidationError(
    [{ field: 'token', code: 'link_invalid', message: 'is invalid, already used or expired' }],
    'This link cannot be used',
    { code: 'link_invalid' },
  );
}
