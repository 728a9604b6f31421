import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@capstone/platform/http';
import { LinkPasswords } from '../links/link-passwords';
import { LinkGone, WrongLinkPassword } from './redirect-errors';
import { LinkResolver } from './link-resolver';
import type { ResolvedLink } from './resolved-link';
import { VisitAllowance } from './visit-allowance';

export type VisitOutcome =
  { kind: 'redirect'; link: ResolvedLink } | { kind: 'password_required'; link: ResolvedLink };

/** One visit of a short code: the rules a link sets, in the order a visitor meets them. */
@Injectable()
export class LinkVisit {
  constructor(
    private readonly resolver: LinkResolver,
    private readonly allowance: VisitAllowance,
    private readonly passwords: LinkPasswords,
  ) {}

  /** `password` is what the visitor gave on the form; undefined on a plain visit. */
  async visit(code: string, password?: string, now = Date.now()): Promise<VisitOutcome> {
    const link = await this.resolver.resolve(code);
    // A disabled or blocked link looks like no link at all.
    if (!link || !link.active) throw new NotFoundError('No such link', { code: 'link_not_found' });
    if (link.expiresAtMs !== null && link.expiresAtMs <= now) throw new LinkGone('link_expired');
    if (link.passwordHash !== null) {
      if (password === undefined) return { kind: 'password_required', link };
      if (!(await this.passwords.matches(link.passwordHash, password)))
        throw new WrongLinkPassword();
    }
    if (link.maxVisits !== null && !(await this.allowance.take(link.id, link.maxVisits)))
      throw new LinkGone('link_exhausted');
    return { kind: 'redirect', link };
  }
}
