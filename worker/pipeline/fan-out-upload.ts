import { billedTotal, chunk, type NewClaim, type SealedClaimPhi } from '../claims'
import type { ClaimInput, StatusChange } from '../contracts'
import { stableId } from '../ids'
import { parseClaimsCsv } from '../ingest'
import type { UploadStore } from '../uploads'
import type { PipelineDeps } from './deps'

export type FanOutDeps = Pick<PipelineDeps, 'store' | 'queues' | 'hub'> & {
  uploads: UploadStore
  readText(key: string): Promise<string | null>
  /** Seals a claim's patient and note before the store sees them. */
  sealPhi(claimId: string, input: ClaimInput): Promise<SealedClaimPhi>
}

export type FanOutOutcome =
  | { kind: 'done'; created: number; skipped: number }
  | { kind: 'unknown-upload' }
  | { kind: 'unreadable'; reason: string }

/** Claims per D1 batch and per queue sendBatch (the queue limit is 100 messages). */
const CLAIMS_PER_CHUNK = 25

/**
 * Turns a stored CSV upload into claims, each sent to the parse step. Claim ids are derived from the
 * upload and row, so a retry after a partial run recreates the same rows (inserts collide and are
 * skipped) and re-sends the same messages (consumers treat them as duplicates).
 */
export async function fanOutUpload(deps: FanOutDeps, ref: { uploadId: string; providerId: string }): Promise<FanOutOutcome> {
  const upload = await deps.uploads.find(ref.providerId, ref.uploadId)
  if (!upload) return { kind: 'unknown-upload' }
  const text = await deps.readText(upload.r2Key)
  if (text === null) {
    await deps.uploads.markFailed(upload.providerId, upload.id)
    return { kind: 'unreadable', reason: 'the stored file is missing' }
  }
  const parsed = parseClaimsCsv(text)
  if (!parsed.ok) {
    await deps.uploads.markFailed(upload.providerId, upload.id)
    return { kind: 'unreadable', reason: 'the stored file no longer parses' }
  }

  const uploadMs = Date.parse(upload.createdAt)
  const drafts: NewClaim[] = await Promise.all(
    parsed.claims.map(async (input, i) => {
      // Row order becomes id order, so the claims list shows an upload in file order.
      const id = await stableId('clm', uploadMs + i, `${upload.id}:${i + 1}`)
      return { id, input, uploadId: upload.id, uploadRow: i + 1, phi: await deps.sealPhi(id, input) }
    }),
  )
  const taken = await deps.store.existingClaimNumbers(upload.providerId, drafts.map((d) => d.input.claimNumber))
  // A number taken by another claim since the upload was checked is skipped, not overwritten.
  const fresh = drafts.filter((d) => (taken.get(d.input.claimNumber) ?? d.id) === d.id)

  for (const part of chunk(fresh, CLAIMS_PER_CHUNK)) {
    const at = new Date().toISOString()
    const events = await deps.store.insertClaims(upload.providerId, part, at)
    const byId = new Map(part.map((d) => [d.id, d]))
    const changes: StatusChange[] = events.map((e) => {
      const draft = byId.get(e.claimId)!
      return {
        claimId: e.claimId,
        claimNumber: draft.input.claimNumber,
        version: e.version,
        fromStatus: null,
        toStatus: 'received',
        billedCents: billedTotal(draft.input),
        payoutCents: null,
        payerName: draft.input.payer.name,
        at: e.at,
      }
    })
    await deps.hub.publish(upload.providerId, changes)
    await deps.queues.sendAll(part.map((d) => ({ queue: 'claims-ingest', body: { step: 'parse', claimId: d.id, providerId: upload.providerId } })))
  }
  await deps.uploads.markFannedOut(upload.providerId, upload.id)
  return { kind: 'done', created: fresh.length, skipped: drafts.length - fresh.length }
}
