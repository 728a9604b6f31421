import { Injectable } from '@nestjs/common';
import type { Principal } from '@capstone/platform/auth';
import { AppConfig } from '@capstone/platform/config';
import { v7 as uuidv7 } from 'uuid';
import type { Environment } from '../config/environment';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import { LinkResolver } from '../redirect/link-resolver';
import type { Link, LinkChanges, LinkTerms } from './link';
import { customSlug, randomCode } from './link-code';
import { expiryInPast, invalidSlug, invalidTarget, linkNotFound, slugTaken } from './link-errors';
import { LinkPasswords } from './link-passwords';
import { linkOf, type LinkRow } from './link-row';
import { checkTarget, type TargetRules } from './target-url';

const RANDOM_CODE_ATTEMPTS = 5;

export interface LinkPage {
  items: Link[];
  nextCursor: string | null;
}

/** Creating and managing links. Every change that a redirect sees is forgotten by the resolver's cache. */
@Injectable()
export class LinkCatalog {
  private readonly targetRules: TargetRules;

  constructor(
    private readonly prisma: PrismaService,
    private readonly passwords: LinkPasswords,
    private readonly resolver: LinkResolver,
    config: AppConfig<Environment>,
  ) {
    this.targetRules = {
      ownHost: new URL(config.get('SHORT_LINK_BASE_URL')).hostname,
      blockedHosts: config.get('BLOCKED_HOSTS'),
    };
  }

  async create(owner: Principal, terms: LinkTerms, now = new Date()): Promise<Link> {
    const data = await this.columnsOf(terms, now);
    const slug = terms.slug === undefined ? undefined : customSlug(terms.slug);
    if (slug && 'problem' in slug) throw invalidSlug(slug.problem);
    for (let attempt = 1; ; attempt += 1) {
      const code = slug ? slug.slug : randomCode();
      try {
        const row = await this.prisma.link.create({
          data: { ...data, id: uuidv7(), code, ownerId: owner.userId, targetUrl: data.targetUrl! },
        });
        // The code may be remembered as unknown: a visitor tried it before it existed.
        await this.resolver.forget(code);
        return linkOf(row);
      } catch (error) {
        if (!isCodeTaken(error)) throw error;
        if (slug) throw slugTaken();
        if (attempt >= RANDOM_CODE_ATTEMPTS) throw error;
      }
    }
  }

  async list(
    owner: Principal,
    page: { limit: number; cursor?: string; tag?: string },
  ): Promise<LinkPage> {
    const rows = await this.prisma.link.findMany({
      where: {
        ownerId: owner.userId,
        ...(page.cursor ? { id: { lt: page.cursor } } : {}),
        ...(page.tag ? { tags: { has: page.tag } } : {}),
      },
      orderBy: { id: 'desc' },
      take: page.limit + 1,
    });
    const items = rows.slice(0, page.limit).map(linkOf);
    return {
      items,
      nextCursor: rows.length > page.limit ? items[items.length - 1].id : null,
    };
  }

  async get(caller: Principal, id: string): Promise<Link> {
    return linkOf(await this.owned(caller, id));
  }

  async change(
    caller: Principal,
    id: string,
    changes: LinkChanges,
    now = new Date(),
  ): Promise<Link> {
    const current = await this.owned(caller, id);
    const row = await this.prisma.link.update({
      where: { id: current.id },
      data: await this.columnsOf(changes, now),
    });
    await this.resolver.forget(row.code);
    return linkOf(row);
  }

  async remove(caller: Principal, id: string): Promise<void> {
    const current = await this.owned(caller, id);
    await this.prisma.link.delete({ where: { id: current.id } });
    await this.resolver.forget(current.code);
  }

  /** An administrator's block: the link stops redirecting and its owner cannot enable it again. */
  async block(id: string, blocked: boolean): Promise<Link> {
    const row = await this.prisma.link
      .update({ where: { id }, data: { blockedAt: blocked ? new Date() : null } })
      .catch((error: unknown) => {
        throw isMissing(error) ? linkNotFound() : error;
      });
    await this.resolver.forget(row.code);
    return linkOf(row);
  }

  /** The caller's link (an administrator's: anyone's); someone else's is "not found", not "forbidden". */
  private async owned(caller: Principal, id: string): Promise<LinkRow> {
    const row = await this.prisma.link.findUnique({ where: { id } });
    if (!row || (row.ownerId !== caller.userId && !caller.roles.includes('admin')))
      throw linkNotFound();
    return row;
  }

  private async columnsOf(
    terms: LinkChanges,
    now: Date,
  ): Promise<Partial<Prisma.LinkUncheckedCreateInput>> {
    let targetUrl: string | undefined;
    if (terms.targetUrl !== undefined) {
      const target = checkTarget(terms.targetUrl, this.targetRules);
      if ('problem' in target) throw invalidTarget(target.problem);
      targetUrl = target.url;
    }
    if (terms.expiresAt && terms.expiresAt.getTime() <= now.getTime()) throw expiryInPast();
    return {
      targetUrl,
      title: terms.title,
      tags:
        terms.tags === undefined ? undefined : [...new Set(terms.tags.map((tag) => tag.trim()))],
      redirectType: terms.redirectType,
      forwardQuery: terms.forwardQuery,
      expiresAt: terms.expiresAt,
      maxVisits: terms.maxVisits,
      enabled: terms.enabled,
      // Hashing is slow work: done here, before the single statement that stores it.
      passwordHash:
        terms.password === undefined
          ? undefined
          : terms.password === null
            ? null
            : await this.passwords.hash(terms.password),
    };
  }
}

function isCodeTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

function isMissing(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}
