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

  /**
   * A plain visit decided by this instance's memory alone, with no promise: a remembered link that
   * asks for no password check and no count in Redis. Undefined when `visit` must decide it.
   */
  visitFromMemory(code: string, now = Date.now()): VisitOutcome | undefined {
    const link = this.resolver.inMemory(code, now);
    if (link === undefined) return undefined;
    admit(link, now);
    if (link.passwordHash !== null) return { kind: 'password_required', link };
    return link.maxVisits === null ? { kind: 'redirect', link } : undefined;
  }

  /** `password` is what the visitor gave on the form; undefined on a plain visit. */
  async visit(code: string, password?: string, now = Date.now()): Promise<VisitOutcome> {
    const link = await this.resolver.resolve(code, now);
    admit(link, now);
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

/** The first rules, which the link alone decides: it exists and leads somewhere still. */
function admit(link: ResolvedLink | null, now: number): asserts link is ResolvedLink {
  // A disabled or blocked link looks like no link at all.
  if (!link || !link.active) throw new NotFoundError('No such link', { code: 'link_not_found' });
  if (link.expiresAtMs !== null && link.expiresAtMs <= now) throw new LinkGone('link_expired');
}
