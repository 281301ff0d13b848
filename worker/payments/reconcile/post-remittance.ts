import { toStatusChange, type ClaimStore, type StoredClaim } from '../../claims'
import type { StatusChange } from '../../contracts'
import { read835 } from '../../payers/x12/read-835'
import { remittedHistoryRowOf } from './history-row'
import { claimJournalForPosting } from './journal-for-posting'
import { planPosting, type ClaimOnFile, type ReconciliationItem } from './plan-posting'

/** A reconciliation item about a claim, or about the whole file (no CLP01). */
export type RemittanceFileItem = Omit<ReconciliationItem, 'kind' | 'claimRef'> & { kind: ReconciliationItem['kind'] | 'duplicate-remittance' | 'unreadable-file'; claimRef: string | null }

/** Where posting reads and records what is not the claim itself (D1 in the Worker). */
export type RemittanceStore = {
  isPosted(payerId: string, traceNumber: string): Promise<boolean>
  /**
   * The claims CLP01 names (by ClaimPay claim id), with the trace of any 835 that already posted them
   * and the pool their payout drew on (null without a payout journal).
   */
  claimsOnFile(claimIds: string[]): Promise<Map<string, { stored: StoredClaim; postedByTrace: string | null; payoutPoolId: string | null }>>
  addItems(payerId: string, traceNumber: string, items: RemittanceFileItem[]): Promise<void>
  markPosted(file: { payerId: string; traceNumber: string; fileKey: string; paymentCents: number; claimCount: number }, at: string): Promise<void>
}

export type PostingDeps = {
  remittances: RemittanceStore
  claims: ClaimStore
  files: { getText(key: string): Promise<string | null> }
  hub: { publish(providerId: string, changes: StatusChange[]): Promise<unknown> }
  now(): Date
}

export type PostingResult =
  | { ok: true; posted: number; items: number; alreadyDone: number }
  | { ok: false; reason: 'duplicate-remittance' | 'unreadable-file' }

/** Thrown when another writer moved a claim first: the message is retried and finds the claim done. */
export class RemittanceClaimConflict extends Error {
  override name = 'RemittanceClaimConflict'
}

/**
 * Posts one payer 835: each claim it can match moves submitted -> adjudicated -> reconciled with its
 * remittance row, its claim_history row and its ledger journal (reimbursement or denial write-off) in
 * the claim's own transaction; everything else goes to the reconciliation list; the file is marked
 * posted last, so a redelivery after a crash finishes the claims still waiting and one after success
 * posts nothing. A claim whose payout left no journal to settle stops at adjudicated.
 */
export async function postRemittance(deps: PostingDeps, message: { payerId: string; traceNumber: string; fileKey: string }): Promise<PostingResult> {
  const { payerId, traceNumber, fileKey } = message
  if (await deps.remittances.isPosted(payerId, traceNumber)) {
    await deps.remittances.addItems(payerId, traceNumber, [{ kind: 'duplicate-remittance', claimRef: null, providerId: null, detail: { fileKey } }])
    return { ok: false, reason: 'duplicate-remittance' }
  }
  const text = await deps.files.getText(fileKey)
  const read = text === null ? undefined : read835(text)
  const remittance = read?.remittances.length === 1 && read.issues.length === 0 ? read.remittances[0]! : undefined
  if (!remittance) {
    await deps.remittances.addItems(payerId, traceNumber, [{ kind: 'unreadable-file', claimRef: null, providerId: null, detail: { fileKey, issues: read?.issues.length ?? 0 } }])
    return { ok: false, reason: 'unreadable-file' }
  }
  const onFile = await deps.remittances.claimsOnFile(remittance.claims.map((c) => c.claimId))
  const view = new Map<string, ClaimOnFile>(
    [...onFile].map(([id, { stored, postedByTrace }]) => [id, { id, providerId: stored.providerId, payerId: stored.payerId, status: stored.status, billedCents: stored.billedCents, postedByTrace }]),
  )
  const plan = planPosting(remittance, view, traceNumber)
  const at = deps.now().toISOString()
  for (const posting of plan.postings) {
    const { stored, payoutPoolId } = onFile.get(posting.claim.id)!
    const { payment, outcome } = posting
    const journal = claimJournalForPosting(posting, { claimId: stored.id, providerId: stored.providerId, payerId: stored.payerId, billedCents: stored.billedCents, payoutCents: stored.payoutCents, poolId: payoutPoolId })
    if (!journal.ok) console.warn(JSON.stringify({ level: 'warn', step: 'remit', claimId: stored.id, ledger: journal.reason }))
    const history = remittedHistoryRowOf(
      { ...stored, patientAge: stored.patientAge ?? null, patientSex: stored.patientSex ?? null, memberIdIndex: stored.memberIdIndex ?? null },
      outcome,
      payment.paidCents,
      stored.updatedAt.slice(0, 10),
      remittance.paymentDate,
    )
    const result = await deps.claims.commit(
      stored,
      [
        { to: 'adjudicated', step: 'remit', detail: { traceNumber, outcome: outcome.outcome, paidCents: payment.paidCents, patientResponsibilityCents: payment.patientResponsibilityCents, carc: outcome.carc } },
        ...(journal.ok ? [{ to: 'reconciled' as const, step: 'remit', detail: { traceNumber, journalKind: journal.journal.kind } }] : []),
      ],
      {},
      {
        ...(journal.ok ? { journal: journal.journal } : {}),
        remittance: {
          row: {
            claimId: stored.id,
            providerId: stored.providerId,
            payerId,
            traceNumber,
            statusCode: payment.statusCode,
            outcome: outcome.outcome,
            chargeCents: payment.chargeCents,
            paidCents: payment.paidCents,
            patientResponsibilityCents: payment.patientResponsibilityCents,
            adjustments: outcome.adjustments,
            remarkCodes: outcome.remarkCodes,
            payerClaimControlNumber: payment.payerClaimControlNumber,
            postedAt: at,
          },
          history,
        },
        audit: { actor: `payer:${payerId}`, action: journal.ok ? 'claim.reconciled' : 'claim.adjudicated', detail: { traceNumber, outcome: outcome.outcome, paidCents: payment.paidCents, ledger: journal.ok ? journal.journal.kind : journal.reason } },
      },
      at,
    )
    if (!result.ok) throw new RemittanceClaimConflict(`claim ${stored.id} moved while its 835 was posted`)
    await deps.hub.publish(stored.providerId, result.events.map((e) => toStatusChange(result.claim, e)))
  }
  await deps.remittances.addItems(payerId, traceNumber, plan.items)
  await deps.remittances.markPosted({ payerId, traceNumber, fileKey, paymentCents: remittance.paymentCents, claimCount: remittance.claims.length }, at)
  return { ok: true, posted: plan.postings.length, items: plan.items.length, alreadyDone: plan.alreadyDone.length }
}
