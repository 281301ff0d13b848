import { and, asc, desc, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db'
import { schema } from '../../db'
import { newId } from '../../ids'
import { auditRecordOf, GENESIS_HEAD, sealRows, verifyChain, type ChainHead, type SealedAuditRecord } from './audit-chain'

const { auditLog } = schema

/** Who did it: a user, an API key, a partner token, an admin (by Access email) or the system. */
export type AuditEntry = {
  actor: string
  action: string
  subjectType: string
  subjectId: string
  providerId?: string | null
  /** Ids, counts and reasons only: never PHI, never a secret. */
  detail?: Record<string, unknown> | null
}

/** The insert for one audit row, to be put in the same D1 batch as the change it records. */
export function auditInsert(db: Db, entry: AuditEntry, at: Date) {
  return db.insert(auditLog).values({
    id: newId('aud', at.getTime()),
    actor: entry.actor,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    providerId: entry.providerId ?? null,
    detail: entry.detail ?? null,
    at: at.toISOString(),
  })
}

export async function appendAudit(db: Db, entries: AuditEntry[], at: Date): Promise<void> {
  if (!entries.length) return
  const [first, ...rest] = entries.map((e) => auditInsert(db, e, at))
  await db.batch([first!, ...rest])
}

function asRecord(row: typeof auditLog.$inferSelect) {
  return auditRecordOf({ ...row, detail: row.detail ?? null })
}

async function chainHead(db: Db): Promise<ChainHead> {
  const head = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.seq)).orderBy(desc(auditLog.seq)).limit(1)
  const row = head[0]
  return row?.seq != null && row.hash ? { seq: row.seq, hash: row.hash } : GENESIS_HEAD
}

/**
 * Chains unsealed rows onto the head, oldest id first. Two sealers racing compute the same hashes for
 * the same rows; if they saw different rows, the unique `seq` index fails one batch whole, and its
 * rows are sealed on the next run. Returns how many rows this run sealed.
 */
export async function sealAuditLog(db: Db, limit = 200): Promise<number> {
  const head = await chainHead(db)
  const unsealed = await db.select().from(auditLog).where(isNull(auditLog.seq)).orderBy(asc(auditLog.id)).limit(limit)
  if (!unsealed.length) return 0
  const seals = await sealRows(head, unsealed.map(asRecord))
  const updates = seals.map((s) =>
    db.update(auditLog).set({ seq: s.seq, prevHash: s.prevHash, hash: s.hash }).where(and(eq(auditLog.id, s.id), isNull(auditLog.seq))),
  )
  try {
    await db.batch([updates[0]!, ...updates.slice(1)])
  } catch {
    return 0
  }
  return seals.length
}

/** Recomputes the whole sealed chain, a page at a time. */
export async function verifyAuditLog(db: Db, pageSize = 1000) {
  let head = GENESIS_HEAD
  let checked = 0
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, head.seq)).orderBy(asc(auditLog.seq)).limit(pageSize)
    if (!rows.length) break
    const sealed: SealedAuditRecord[] = rows.map((r) => ({ ...asRecord(r), seq: r.seq!, prevHash: r.prevHash!, hash: r.hash! }))
    const result = await verifyChain(sealed, head)
    if (!result.ok) return result
    head = result.head
    checked += result.checked
  }
  const [unsealed] = await db.select({ n: sql<number>`count(*)` }).from(auditLog).where(isNull(auditLog.seq))
  return { ok: true as const, checked, headSeq: head.seq, unsealed: unsealed?.n ?? 0 }
}

export type AuditQuery = { cursor?: string; action?: string; providerId?: string; limit: number }

/** Newest first, by id cursor. */
export async function listAudit(db: Db, q: AuditQuery) {
  const where = and(
    q.cursor ? lt(auditLog.id, q.cursor) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.providerId ? eq(auditLog.providerId, q.providerId) : undefined,
  )
  const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.limit + 1)
  const items = rows.slice(0, q.limit).map((r) => ({ ...asRecord(r), seq: r.seq, hash: r.hash }))
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null }
}
