import { and, asc, inArray, lt } from 'drizzle-orm'
import type { ClaimStatus } from '../contracts'
import { openDb, schema } from '../db'
import type { PipelineDeps } from './deps'
import { forward } from './forward'

/** Statuses a claim should only pass through; sitting in one this long means a message was lost. */
const MOVING: ClaimStatus[] = ['received', 'parsed', 'needs_recode', 'coded', 'approved', 'payout_pending', 'paid']
const BATCH = 500

/**
 * The cron's safety net: sends on every claim that has sat in a moving status for longer than
 * `staleAfterMs`, and re-sends the fan-out of uploads that never finished. Consumers are idempotent,
 * so a claim that was only slow is not harmed.
 */
export async function redriveStalled(d1: D1Database, deps: Pick<PipelineDeps, 'queues'>, now: Date, staleAfterMs: number) {
  const db = openDb(d1)
  const before = new Date(now.getTime() - staleAfterMs).toISOString()
  const stalled = await db
    .select({ id: schema.claims.id, providerId: schema.claims.providerId, status: schema.claims.status })
    .from(schema.claims)
    .where(and(inArray(schema.claims.status, MOVING), lt(schema.claims.updatedAt, before)))
    .orderBy(asc(schema.claims.updatedAt)) // the longest-waiting first, so a large backlog cannot starve them
    .limit(BATCH)
  await forward(deps, stalled)
  const uploads = await db
    .select({ id: schema.uploads.id, providerId: schema.uploads.providerId })
    .from(schema.uploads)
    .where(and(inArray(schema.uploads.status, ['received']), lt(schema.uploads.createdAt, before)))
    .limit(BATCH)
  await deps.queues.sendAll(uploads.map((u) => ({ queue: 'claims-ingest', body: { step: 'fan-out', uploadId: u.id, providerId: u.providerId } })))
  return { claims: stalled.length, uploads: uploads.length }
}
