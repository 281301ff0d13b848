import { getTableColumns } from 'drizzle-orm'
import { billedTotal, chunk, createD1ClaimStore, MEMBER_ID_INDEX, PARAMS_PER_STATEMENT, sealClaimPhi, toStatusChange } from '../worker/claims'
import { openDb, schema } from '../worker/db'
import { claimDraftOf, historyRowOf, type ClaimSink } from '../worker/generator/runner'
import { stableId } from '../worker/ids'
import { loadKeyring } from '../worker/identity'
import { blindIndex } from '../worker/identity/crypto'
import { hubPublisher, stageQueues } from '../worker/platform'

const { claimHistory } = schema

/** Columns bound per claim_history row; D1 takes at most 100 parameters a statement. */
const HISTORY_COLUMNS = Object.keys(getTableColumns(claimHistory)).length
const HISTORY_ROWS_PER_STATEMENT = Math.floor(PARAMS_PER_STATEMENT / HISTORY_COLUMNS)

/** Backfill: rows straight into claim_history, many rows a statement and every statement in one batch. */
export function historySink(env: Env): ClaimSink {
  const db = openDb(env.DB)
  return {
    async write(claims) {
      const keyring = await loadKeyring(env)
      // The patient key lets the risk engine spot a second claim for the same visit without a member id.
      const rows = await Promise.all(claims.map(async (c) => historyRowOf(c, await blindIndex(keyring, MEMBER_ID_INDEX, c.record.patient.memberId))))
      // Counted from RETURNING: the change count would include the rows the aggregates trigger writes.
      const statements = chunk(rows, HISTORY_ROWS_PER_STATEMENT).map((rows) =>
        db.insert(claimHistory).values(rows).onConflictDoNothing().returning({ sequence: claimHistory.sequence }),
      )
      const [first, ...rest] = statements
      if (!first) return 0
      const results = await db.batch([first, ...rest])
      return results.reduce((n, r) => n + r.length, 0)
    },
  }
}

/** Claims per D1 batch and queue send, as an upload's fan-out writes them. */
const CLAIMS_PER_CHUNK = 25

/**
 * Live: claims enter the pipeline the way an upload's rows do (worker/pipeline/fan-out-upload.ts):
 * patient and note sealed, inserted as received, published to the provider's dashboards, sent to parse.
 * Ids are derived from the run and the claim, so a retried alarm collides instead of doubling.
 */
export function pipelineSink(env: Env): ClaimSink {
  const store = createD1ClaimStore(env.DB)
  const queues = stageQueues(env)
  const hub = hubPublisher(env)
  return {
    async write(claims, config) {
      const keyring = await loadKeyring(env)
      const drafts = await Promise.all(
        claims.map(async (claim) => {
          const input = claimDraftOf(claim)
          const { trace } = claim.record
          const id = await stableId('clm', claim.dueMs, `scenario:${config.scenario}:${config.startedAtMs}:${trace.seed}:${trace.sequence}`)
          return { id, input, phi: await sealClaimPhi(keyring, id, input) }
        }),
      )
      const taken = await store.existingClaimNumbers(config.providerId, drafts.map((d) => d.input.claimNumber))
      // A resubmission of a number the practice already has is what the pipeline would call a duplicate.
      const fresh = drafts.filter((d) => (taken.get(d.input.claimNumber) ?? d.id) === d.id)
      const numbers = new Set<string>()
      const unique = fresh.filter((d) => !numbers.has(d.input.claimNumber) && numbers.add(d.input.claimNumber))
      for (const part of chunk(unique, CLAIMS_PER_CHUNK)) {
        const events = await store.insertClaims(config.providerId, part, new Date().toISOString())
        const byId = new Map(part.map((d) => [d.id, d]))
        await hub.publish(
          config.providerId,
          events.map((e) => {
            const { input } = byId.get(e.claimId)!
            return toStatusChange({ id: e.claimId, claimNumber: input.claimNumber, billedCents: billedTotal(input), payoutCents: null, payerName: input.payer.name }, e)
          }),
        )
        await queues.sendAll(part.map((d) => ({ queue: 'claims-ingest', body: { step: 'parse', claimId: d.id, providerId: config.providerId } })))
      }
      return unique.length
    },
  }
}
