import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { identitySchema } from '../../db'
import { newId } from '../../ids'
import { auditInsert } from '../audit'
import type { IdentityDeps } from '../deps'
import type { ApiKeyScope } from '../roles'
import { API_KEY_SCOPES } from '../roles'
import { hashToken, randomToken, timingSafeEqual } from '../secrets'
import type { UserPrincipal } from '../session/sessions'
import { refuse, type Outcome } from './outcome'

const { apiKeys } = identitySchema

/** `cpk_<prefix>_<secret>`: the prefix finds the row and stays readable in lists and logs; the secret is only hashed. */
const KEY_SHAPE = /^cpk_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/

export type ApiKeyPrincipal = { kind: 'api-key'; keyId: string; providerId: string; scopes: ApiKeyScope[] }

function prefixFrom(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyz23456789'
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('')
}

function view(row: typeof apiKeys.$inferSelect) {
  const { secretHash: _secret, providerId: _provider, createdBy: _by, ...rest } = row
  return rest
}

export async function createApiKey(deps: IdentityDeps, who: UserPrincipal, input: { name: string; scopes: ApiKeyScope[]; expiresInDays: number }) {
  const now = deps.now()
  const prefix = prefixFrom(crypto.getRandomValues(new Uint8Array(10)))
  const secret = randomToken()
  const id = newId('key', now.getTime())
  const row = {
    id,
    providerId: who.providerId,
    name: input.name,
    prefix,
    secretHash: await hashToken(secret),
    scopes: [...new Set(input.scopes)],
    createdBy: who.userId,
    expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    revokedAt: null,
    lastUsedAt: null,
    useCount: 0,
    createdAt: now.toISOString(),
  }
  await deps.db.batch([
    deps.db.insert(apiKeys).values(row),
    auditInsert(deps.db, { actor: who.userId, action: 'api-key.created', subjectType: 'api-key', subjectId: id, providerId: who.providerId, detail: { scopes: row.scopes } }, now),
  ])
  return { ...view(row), key: `cpk_${prefix}_${secret}` }
}

export async function listApiKeys(deps: IdentityDeps, providerId: string) {
  const rows = await deps.db.select().from(apiKeys).where(eq(apiKeys.providerId, providerId)).orderBy(desc(apiKeys.id))
  return rows.map(view)
}

export async function revokeApiKey(deps: IdentityDeps, who: UserPrincipal, id: string): Promise<Outcome<object, 'not-found'>> {
  const now = deps.now()
  // Scoped by provider: another provider's key id is simply not found, and nothing is written.
  const done = await deps.db
    .update(apiKeys)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.providerId, who.providerId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id })
  if (!done.length) return refuse('not-found')
  await deps.db.batch([auditInsert(deps.db, { actor: who.userId, action: 'api-key.revoked', subjectType: 'api-key', subjectId: id, providerId: who.providerId }, now)])
  return { ok: true }
}

export type ApiKeyCheck = { ok: true; principal: ApiKeyPrincipal } | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'expired' }

/** Authenticates `Authorization: Bearer cpk_...` and records the use (count, last use, audit row). */
export async function authenticateApiKey(deps: IdentityDeps, presented: string, route: string): Promise<ApiKeyCheck> {
  const shape = KEY_SHAPE.exec(presented)
  if (!shape) return { ok: false, reason: 'malformed' }
  const [, prefix, secret] = shape as unknown as [string, string, string]
  const [row] = await deps.db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix)).limit(1)
  if (!row || !timingSafeEqual(row.secretHash, await hashToken(secret))) return { ok: false, reason: 'unknown' }
  if (row.revokedAt) return { ok: false, reason: 'revoked' }
  const now = deps.now()
  if (Date.parse(row.expiresAt) <= now.getTime()) return { ok: false, reason: 'expired' }
  await deps.db.batch([
    deps.db.update(apiKeys).set({ lastUsedAt: now.toISOString(), useCount: sql`${apiKeys.useCount} + 1` }).where(eq(apiKeys.id, row.id)),
    auditInsert(deps.db, { actor: row.id, action: 'api-key.used', subjectType: 'api-key', subjectId: row.id, providerId: row.providerId, detail: { route } }, now),
  ])
  const scopes = row.scopes.filter((s): s is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(s))
  return { ok: true, principal: { kind: 'api-key', keyId: row.id, providerId: row.providerId, scopes } }
}
