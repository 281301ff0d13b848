import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import { identitySchema } from '../../db'
import { newId } from '../../ids'
import { auditInsert } from '../audit'
import { decryptField, encryptField } from '../crypto'
import type { IdentityDeps } from '../deps'
import { deriveSigningKey, parseSignedHeaders, verifySignedRequest, DEFAULT_WINDOW_SEC } from '../partner'
import { base64url, fromBase64url, randomToken } from '../secrets'

const { partners, partnerTokens, partnerNonces } = identitySchema

export const PARTNER_SCOPES = ['portfolio:read', 'funding:approve'] as const
export type PartnerScope = (typeof PARTNER_SCOPES)[number]
export type PartnerPrincipal = { kind: 'partner'; partnerId: string; tokenId: string; scopes: PartnerScope[] }

const keyAad = (tokenId: string) => `partner_tokens.signing_key:${tokenId}`

function view(row: typeof partnerTokens.$inferSelect) {
  const { signingKeySealed: _sealed, ...rest } = row
  return rest
}

export async function createPartner(deps: IdentityDeps, admin: string, name: string) {
  const now = deps.now()
  const id = newId('ptn', now.getTime())
  await deps.db.batch([
    deps.db.insert(partners).values({ id, name, createdAt: now.toISOString() }),
    auditInsert(deps.db, { actor: admin, action: 'partner.created', subjectType: 'partner', subjectId: id }, now),
  ])
  return { id, name, createdAt: now.toISOString(), tokens: [] }
}

export async function listPartners(deps: IdentityDeps) {
  const [rows, tokens] = await Promise.all([
    deps.db.select().from(partners).orderBy(desc(partners.id)),
    deps.db.select().from(partnerTokens).orderBy(desc(partnerTokens.id)),
  ])
  return rows.map((p) => ({ ...p, tokens: tokens.filter((t) => t.partnerId === p.id).map(view) }))
}

async function tokenRow(deps: IdentityDeps, partnerId: string, scopes: PartnerScope[], expiresAt: string, rotatedFrom: string | null) {
  const now = deps.now()
  const id = newId('ptk', now.getTime())
  // The partner holds the secret; ClaimPay keeps only the key derived from it, sealed like PHI.
  const secret = `cps_${randomToken()}`
  const signingKey = await deriveSigningKey(secret)
  const row = {
    id,
    partnerId,
    signingKeySealed: await encryptField(deps.keyring, base64url(signingKey), keyAad(id)),
    scopes: [...new Set(scopes)],
    expiresAt,
    revokedAt: null,
    rotatedFrom,
    lastUsedAt: null,
    useCount: 0,
    createdAt: now.toISOString(),
  }
  return { row, secret }
}

export async function issuePartnerToken(deps: IdentityDeps, admin: string, partnerId: string, scopes: PartnerScope[], expiresInDays: number) {
  const [partner] = await deps.db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId)).limit(1)
  if (!partner) return null
  const now = deps.now()
  const { row, secret } = await tokenRow(deps, partnerId, scopes, new Date(now.getTime() + expiresInDays * 86_400_000).toISOString(), null)
  await deps.db.batch([
    deps.db.insert(partnerTokens).values(row),
    auditInsert(deps.db, { actor: admin, action: 'partner.token-issued', subjectType: 'partner-token', subjectId: row.id, detail: { partnerId, scopes: row.scopes } }, now),
  ])
  return { ...view(row), secret }
}

/**
 * A new token with the same partner, scopes and expiry; the old one keeps working for the overlap so
 * the partner can deploy the new secret without downtime, then expires.
 */
export async function rotatePartnerToken(deps: IdentityDeps, admin: string, tokenId: string, overlapHours: number) {
  const [old] = await deps.db.select().from(partnerTokens).where(and(eq(partnerTokens.id, tokenId), isNull(partnerTokens.revokedAt))).limit(1)
  const now = deps.now()
  if (!old || Date.parse(old.expiresAt) <= now.getTime()) return null
  const { row, secret } = await tokenRow(deps, old.partnerId, old.scopes as PartnerScope[], old.expiresAt, old.id)
  const overlapEnds = new Date(Math.min(Date.parse(old.expiresAt), now.getTime() + overlapHours * 3600_000)).toISOString()
  await deps.db.batch([
    deps.db.insert(partnerTokens).values(row),
    deps.db.update(partnerTokens).set({ expiresAt: overlapEnds }).where(eq(partnerTokens.id, old.id)),
    auditInsert(deps.db, { actor: admin, action: 'partner.token-rotated', subjectType: 'partner-token', subjectId: old.id, detail: { replacedBy: row.id, oldExpiresAt: overlapEnds } }, now),
  ])
  return { ...view(row), secret }
}

export async function revokePartnerToken(deps: IdentityDeps, admin: string, tokenId: string): Promise<boolean> {
  const now = deps.now()
  const done = await deps.db.update(partnerTokens).set({ revokedAt: now.toISOString() }).where(and(eq(partnerTokens.id, tokenId), isNull(partnerTokens.revokedAt))).returning({ id: partnerTokens.id })
  if (!done.length) return false
  await deps.db.batch([auditInsert(deps.db, { actor: admin, action: 'partner.token-revoked', subjectType: 'partner-token', subjectId: tokenId }, now)])
  return true
}

export type PartnerCheck =
  | { ok: true; principal: PartnerPrincipal }
  | { ok: false; reason: 'missing-signature-headers' | 'malformed-signature-headers' | 'unknown-token' | 'revoked' | 'expired' | 'stale-timestamp' | 'body-hash-mismatch' | 'bad-signature' | 'replayed-nonce' }

/**
 * A signed partner request: the token must be live, the signature right, the timestamp inside the
 * window and the nonce new. The nonce is recorded only after the signature checks out, so nobody can
 * fill the table without the secret. A valid use is counted and audited.
 */
export async function authenticatePartnerRequest(deps: IdentityDeps, request: Request, body: Uint8Array): Promise<PartnerCheck> {
  const parsed = parseSignedHeaders(request.headers)
  if (!parsed.ok) return parsed
  const [token] = await deps.db.select().from(partnerTokens).where(eq(partnerTokens.id, parsed.value.keyId)).limit(1)
  if (!token) return { ok: false, reason: 'unknown-token' }
  if (token.revokedAt) return { ok: false, reason: 'revoked' }
  const now = deps.now()
  if (Date.parse(token.expiresAt) <= now.getTime()) return { ok: false, reason: 'expired' }
  const opened = await decryptField(deps.keyring, token.signingKeySealed, keyAad(token.id))
  const signingKey = opened.ok ? fromBase64url(opened.value) : null
  if (!signingKey) throw new Error('partner signing key could not be opened')
  const url = new URL(request.url)
  const verified = await verifySignedRequest({ method: request.method, url, headers: parsed.value, body, signingKey, nowSec: Math.floor(now.getTime() / 1000) })
  if (!verified.ok) return verified
  const fresh = await deps.db.insert(partnerNonces).values({ tokenId: token.id, nonce: parsed.value.nonce, seenAt: now.toISOString() }).onConflictDoNothing().returning({ nonce: partnerNonces.nonce })
  if (!fresh.length) return { ok: false, reason: 'replayed-nonce' }
  await deps.db.batch([
    deps.db.update(partnerTokens).set({ lastUsedAt: now.toISOString(), useCount: sql`${partnerTokens.useCount} + 1` }).where(eq(partnerTokens.id, token.id)),
    auditInsert(deps.db, { actor: token.id, action: 'partner.token-used', subjectType: 'partner-token', subjectId: token.id, detail: { partnerId: token.partnerId, route: url.pathname } }, now),
  ])
  const scopes = token.scopes.filter((s): s is PartnerScope => (PARTNER_SCOPES as readonly string[]).includes(s))
  return { ok: true, principal: { kind: 'partner', partnerId: token.partnerId, tokenId: token.id, scopes } }
}

/** Nonces older than twice the window can never be replayed (the timestamp check refuses them first). */
export async function pruneNonces(deps: IdentityDeps): Promise<void> {
  const cutoff = new Date(deps.now().getTime() - 2 * DEFAULT_WINDOW_SEC * 1000).toISOString()
  await deps.db.delete(partnerNonces).where(lt(partnerNonces.seenAt, cutoff))
}
