import type { Link, RedirectType } from './link';

export interface LinkRow {
  id: string;
  code: string;
  ownerId: string;
  targetUrl: string;
  title: string | null;
  tags: string[];
  redirectType: number;
  forwardQuery: boolean;
  expiresAt: Date | null;
  maxVisits: number | null;
  passwordHash: string | null;
  enabled: boolean;
  blockedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function linkOf({ passwordHash, blockedAt, redirectType, ...row }: LinkRow): Link {
  return {
    ...row,
    redirectType: redirectType as RedirectType,
    passwordProtected: passwordHash !== null,
    blocked: blockedAt !== null,
  };
}
