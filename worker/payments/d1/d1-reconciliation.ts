import { and, count, desc, eq, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import {
  RECONCILIATION_KINDS,
  ReconciliationDetail,
  type OpenCounts,
  type PostedRemittance,
  type ReconciliationClaim,
  type ReconciliationItem,
  type ReconciliationKind,
  type ReconciliationStatus,
  type RemittanceFile,
} from '../../contracts/reconciliation'
import { openDb, remittanceSchema, schema } from '../../db'
import { newId } from '../../ids'

const { reconciliationItems: items, claimRemittances, remittanceFiles } = remittanceSchema

/** The audit action of a resolution; the note lives in its detail, since the item row has no column for it. */
export const RESOLVED_ACTION = 'reconciliation.resolved'

// The stored enum and the contract's must name the same kinds.
type StoredKind = (typeof items.kind.enumValues)[number]
const sameKinds: [StoredKind, ReconciliationKind] extends [ReconciliationKind, StoredKind] ? true : never = true
void sameKinds

/** A position in a newest-first listing: the last row's sort key, opaque to clients. */
type Position = { at: string; id: string }

export function encodeCursor(position: Position): string {
  return btoa(`${position.at}\n${position.id}`).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/** null for anything this side did not write, so a tampered cursor is a 400 rather than a wrong page. */
export function decodeCursor(cursor: string): Position | null {
  try {
    const text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'))
    const [at, id, ...rest] = text.split('\n')
    if (rest.length || !at || !id || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(at) || id.length > 64) return null
    return { at, id }
  } catch {
    return null
  }
}

/** Strictly after `position` in (time desc, id desc) order. */
const after = (time: typeof items.createdAt | typeof remittanceFiles.postedAt, id: typeof items.id | typeof remittanceFiles.id, position: Position | null) =>
  position ? or(lt(time, position.at), and(eq(time, position.at), lt(id, position.id))) : undefined

type ItemRow = typeof items.$inferSelect

function toItem(row: ItemRow): ReconciliationItem {
  const detail = ReconciliationDetail.safeParse(row.detail ?? {})
  return {
    id: row.id,
    kind: row.kind,
    payerId: row.payerId,
    traceNumber: row.traceNumber,
    claimRef: row.claimRef,
    providerId: row.providerId,
    detail: detail.success ? detail.data : {},
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
  }
}

export type ItemQuery = { status: ReconciliationStatus; kind?: ReconciliationKind | undefined; after: Position | null; limit: number }

export type ResolveOutcome = { ok: true; item: ReconciliationItem } | { ok: false; reason: 'not-found' } | { ok: false; reason: 'already-resolved'; resolvedAt: string }

/** Queries behind the admin reconciliation list; built per request from the binding. */
export function createD1Reconciliation(d1: D1Database) {
  const db = openDb(d1)

  async function get(id: string): Promise<ReconciliationItem | null> {
    const row = await db.select().from(items).where(eq(items.id, id)).get()
    return row ? toItem(row) : null
  }

  return {
    get,

    /** One page, newest first, and the position after its last row when there may be more. */
    async list(query: ItemQuery): Promise<{ items: ReconciliationItem[]; next: string | null }> {
      const filters: (SQL | undefined)[] = [
        query.status === 'open' ? isNull(items.resolvedAt) : isNotNull(items.resolvedAt),
        query.kind ? eq(items.kind, query.kind) : undefined,
        after(items.createdAt, items.id, query.after),
      ]
      const rows = await db
        .select()
        .from(items)
        .where(and(...filters))
        .orderBy(desc(items.createdAt), desc(items.id))
        .limit(query.limit + 1)
      const page = rows.slice(0, query.limit)
      const last = page.at(-1)
      return { items: page.map(toItem), next: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null }
    },

    async openCounts(): Promise<OpenCounts> {
      const rows = await db.select({ kind: items.kind, n: count() }).from(items).where(isNull(items.resolvedAt)).groupBy(items.kind)
      const byKind = Object.fromEntries(RECONCILIATION_KINDS.map((k) => [k, 0])) as Record<ReconciliationKind, number>
      for (const row of rows) byKind[row.kind] = row.n
      return { total: rows.reduce((sum, r) => sum + r.n, 0), byKind }
    },

    /** The claim an item names, with what posting recorded for it; null when CLP01 is not one of ours. */
    async claimFor(claimRef: string | null): Promise<ReconciliationClaim | null> {
      if (!claimRef) return null
      const { claims } = schema
      const claim = await db
        .select({ id: claims.id, providerId: claims.providerId, payerId: claims.payerId, status: claims.status, billedCents: claims.billedCents })
        .from(claims)
        .where(eq(claims.id, claimRef))
        .get()
      if (!claim) return null
      const posted = await db.select().from(claimRemittances).where(eq(claimRemittances.claimId, claim.id)).get()
      const remittance: PostedRemittance | null = posted
        ? {
            traceNumber: posted.traceNumber,
            payerId: posted.payerId,
            statusCode: posted.statusCode,
            outcome: posted.outcome,
            chargeCents: posted.chargeCents,
            paidCents: posted.paidCents,
            patientResponsibilityCents: posted.patientResponsibilityCents,
            adjustments: posted.adjustments,
            remarkCodes: posted.remarkCodes,
            payerClaimControlNumber: posted.payerClaimControlNumber,
            postedAt: posted.postedAt,
          }
        : null
      return { ...claim, remittance }
    },

    /** Who resolved an item and why, from its audit row. */
    async resolutionOf(item: ReconciliationItem): Promise<{ resolvedAt: string; by: string; note: string } | null> {
      if (!item.resolvedAt) return null
      const { auditLog } = schema
      const row = await db
        .select({ actor: auditLog.actor, detail: auditLog.detail })
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'reconciliation-item'), eq(auditLog.subjectId, item.id), eq(auditLog.action, RESOLVED_ACTION)))
        .orderBy(desc(auditLog.id))
        .get()
      const note = row?.detail?.['note']
      return { resolvedAt: item.resolvedAt, by: row?.actor ?? 'unknown', note: typeof note === 'string' ? note : '' }
    },

    /**
     * Marks an item resolved once. The audit row is written in the same transaction and only when
     * this call's update changed the row, so a lost race leaves neither a second resolution nor a
     * second audit row.
     */
    async resolve(id: string, by: string, note: string, at: Date): Promise<ResolveOutcome> {
      const current = await get(id)
      if (!current) return { ok: false, reason: 'not-found' }
      if (current.resolvedAt) return { ok: false, reason: 'already-resolved', resolvedAt: current.resolvedAt }
      const when = at.toISOString()
      const detail = JSON.stringify({ note, kind: current.kind, payerId: current.payerId, traceNumber: current.traceNumber, claimRef: current.claimRef })
      const [updated] = await d1.batch([
        d1.prepare('UPDATE reconciliation_items SET resolved_at = ?1 WHERE id = ?2 AND resolved_at IS NULL').bind(when, id),
        // changes() is the row count of the update just above, on the same connection inside the batch.
        d1
          .prepare(
            'INSERT INTO audit_log (id, provider_id, actor, action, subject_type, subject_id, detail, at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE changes() = 1',
          )
          .bind(newId('aud', at.getTime()), current.providerId, by, RESOLVED_ACTION, 'reconciliation-item', id, detail, when),
      ])
      if (!updated?.meta.changes) {
        const now = await get(id)
        return now?.resolvedAt ? { ok: false, reason: 'already-resolved', resolvedAt: now.resolvedAt } : { ok: false, reason: 'not-found' }
      }
      return { ok: true, item: { ...current, resolvedAt: when } }
    },

    /** Posted 835s, newest first, with how many of their claims posted and how many items are still open. */
    async remittances(query: { after: Position | null; limit: number }): Promise<{ items: RemittanceFile[]; next: string | null }> {
      const rows = await db
        .select({
          id: remittanceFiles.id,
          payerId: remittanceFiles.payerId,
          traceNumber: remittanceFiles.traceNumber,
          paymentCents: remittanceFiles.paymentCents,
          claimCount: remittanceFiles.claimCount,
          postedAt: remittanceFiles.postedAt,
          claimsPosted: sql<number>`(select count(*) from claim_remittances as cr where cr.payer_id = remittance_files.payer_id and cr.trace_number = remittance_files.trace_number)`,
          openItems: sql<number>`(select count(*) from reconciliation_items as ri where ri.payer_id = remittance_files.payer_id and ri.trace_number = remittance_files.trace_number and ri.resolved_at is null)`,
        })
        // Correlated by hand: drizzle renders a single-table query's columns unqualified, which inside
        // the subquery would name the subquery's own table.
        .from(remittanceFiles)
        .where(after(remittanceFiles.postedAt, remittanceFiles.id, query.after))
        .orderBy(desc(remittanceFiles.postedAt), desc(remittanceFiles.id))
        .limit(query.limit + 1)
      const page = rows.slice(0, query.limit)
      const last = page.at(-1)
      return { items: page, next: rows.length > query.limit && last ? encodeCursor({ at: last.postedAt, id: last.id }) : null }
    },
  }
}

export type D1Reconciliation = ReturnType<typeof createD1Reconciliation>
