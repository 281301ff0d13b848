import { and, eq, inArray } from 'drizzle-orm'
import { chunk, PARAMS_PER_STATEMENT, type ClaimStore } from '../../claims'
import { openDb, remittanceSchema, schema } from '../../db'
import { payoutPoolsOf } from '../d1/d1-ledger'
import type { RemittanceFileItem, RemittanceStore } from './post-remittance'

const { remittanceFiles, claimRemittances, reconciliationItems } = remittanceSchema

/** An item's id from what it is about, so a redelivered message does not list the same problem twice. */
async function itemId(payerId: string, traceNumber: string, item: RemittanceFileItem): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${payerId}\u0000${traceNumber}\u0000${item.claimRef ?? ''}\u0000${item.kind}`))
  return `rci_${[...new Uint8Array(digest)].slice(0, 12).map((b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * D1 behind posting. Claims are found by ClaimPay's id alone: the payer does not know provider ids,
 * and CLM01 was ClaimPay's claim id; the provider then comes from the claim row itself.
 */
export function createD1RemittanceStore(d1: D1Database, claims: ClaimStore): RemittanceStore {
  const db = openDb(d1)
  return {
    async isPosted(payerId, traceNumber) {
      const row = await db.select({ id: remittanceFiles.id }).from(remittanceFiles).where(and(eq(remittanceFiles.payerId, payerId), eq(remittanceFiles.traceNumber, traceNumber))).get()
      return row !== undefined
    },
    async claimsOnFile(claimIds) {
      const ids = [...new Set(claimIds)]
      const owners = (await Promise.all(chunk(ids, PARAMS_PER_STATEMENT).map((part) => db.select({ id: schema.claims.id, providerId: schema.claims.providerId }).from(schema.claims).where(inArray(schema.claims.id, part))))).flat()
      const posted = (await Promise.all(chunk(ids, PARAMS_PER_STATEMENT).map((part) => db.select({ claimId: claimRemittances.claimId, traceNumber: claimRemittances.traceNumber }).from(claimRemittances).where(inArray(claimRemittances.claimId, part))))).flat()
      const traceOf = new Map(posted.map((p) => [p.claimId, p.traceNumber]))
      const stored = await claims.findClaims(owners.map((o) => ({ claimId: o.id, providerId: o.providerId })))
      const pools = await payoutPoolsOf(d1, [...stored.keys()])
      return new Map([...stored].map(([id, claim]) => [id, { stored: claim, postedByTrace: traceOf.get(id) ?? null, payoutPoolId: pools.get(id) ?? null }]))
    },
    async addItems(payerId, traceNumber, items) {
      if (items.length === 0) return
      const rows = await Promise.all(items.map(async (item) => ({ id: await itemId(payerId, traceNumber, item), payerId, traceNumber, claimRef: item.claimRef, providerId: item.providerId, kind: item.kind, detail: item.detail })))
      for (const part of chunk(rows, 10)) await db.insert(reconciliationItems).values(part).onConflictDoNothing()
    },
    async markPosted(file, at) {
      await db.insert(remittanceFiles).values({ id: `rmt_${file.payerId}_${file.traceNumber}`, ...file, postedAt: at }).onConflictDoNothing()
    },
  }
}
