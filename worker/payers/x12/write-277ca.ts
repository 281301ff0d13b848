// 277CA health care claim acknowledgment, 005010X214: payer (2000A), information receiver (2000B),
// one billing provider (2000C) and a patient level per claim (2000D) carrying the claim's status.
import type { X12Ack277CA, X12ClaimAcknowledgement, X12Party } from './model'
import { formatAmount, formatDate, formatTimestamp, normalizeText } from './x12-format'
import { writeName } from './write-party'
import { X12SegmentWriter } from './x12-writer'
import type { InterchangeOptions, X12Delimiters, X12WriteResult } from './x12-writer'

export const GUIDE_277CA = '005010X214'

export type Write277CAOptions = {
  /** 2100A information source: the payer (or clearinghouse) acknowledging. */
  payer: X12Party
  /** 2100B information receiver: who sent the claims (the submitter). */
  receiver: X12Party
  /** 2100C: the billing provider the claims are for. */
  billingProvider: X12Party
  /** TRN02 of 2200B: the receiver's batch reference (e.g. the 837's BHT03). */
  batchReference: string
  /** DTP*050 received, DTP*009 processed, and STC02: YYYY-MM-DD; the envelope date when absent. */
  receivedDate?: string
  processedDate?: string
  /** NM1*QC for a claim, when the patient is known (the guide requires it; omitted when unknown). */
  patientFor?: (claimId: string) => X12Party | undefined
  delimiters?: Partial<X12Delimiters>
  interchange?: InterchangeOptions
}

/** A1/A2 accepted, A5 split; A3, A4, A6, A7, A8 are rejections. */
export function isAccepted(ack: Pick<X12ClaimAcknowledgement, 'category'>): boolean {
  return ack.category === 'A1' || ack.category === 'A2' || ack.category === 'A5'
}

export function write277CA(ack: X12Ack277CA, opts: Write277CAOptions): X12WriteResult {
  const envelope = { ...ack.envelope, implementationGuide: GUIDE_277CA }
  const at = formatTimestamp(envelope.createdAt)
  if (!at) return { ok: false, reason: 'invalid-envelope', message: 'createdAt is not an ISO date-time', segmentId: 'BHT' }
  const received = opts.receivedDate === undefined ? at.ccyymmdd : formatDate(opts.receivedDate)
  const processed = opts.processedDate === undefined ? at.ccyymmdd : formatDate(opts.processedDate)
  if (!received || !processed) return { ok: false, reason: 'invalid-value', message: 'a received or processed date is not a date', segmentId: 'DTP' }
  if (ack.claims.some((c) => !Number.isSafeInteger(c.chargeCents))) return { ok: false, reason: 'invalid-value', message: 'a claim charge is not a whole number of cents', segmentId: 'STC' }

  const w = new X12SegmentWriter(opts.delimiters)
  w.beginInterchange(envelope, opts.interchange).beginGroup('HN', envelope).beginTransaction('277', envelope)
  // BHT02 08 status; BHT06 TH receipt acknowledgement.
  w.segment('BHT', '0085', '08', opts.batchReference, at.ccyymmdd, at.hhmm, 'TH')

  w.segment('HL', '1', undefined, '20', '1')
  writeName(w, 'PR', opts.payer, opts.payer.idQualifier ?? 'PI')
  w.segment('TRN', '1', opts.batchReference)
  w.segment('DTP', '050', 'D8', received)
  w.segment('DTP', '009', 'D8', processed)

  const accepted = ack.claims.filter(isAccepted)
  const rejected = ack.claims.filter((c) => !isAccepted(c))
  const total = (list: X12ClaimAcknowledgement[]) => list.reduce((sum, c) => sum + c.chargeCents, 0)
  w.segment('HL', '2', '1', '21', ack.claims.length > 0 ? '1' : '0')
  writeName(w, '41', opts.receiver, opts.receiver.idQualifier ?? '46')
  w.segment('TRN', '2', opts.batchReference)
  w.segment('STC', ['A1', '19', 'PR'], processed, 'WQ', formatAmount(total(ack.claims)))
  if (accepted.length > 0) w.segment('QTY', '90', String(accepted.length))
  if (rejected.length > 0) w.segment('QTY', 'AA', String(rejected.length))
  if (accepted.length > 0) w.segment('AMT', 'YU', formatAmount(total(accepted)))
  if (rejected.length > 0) w.segment('AMT', 'YY', formatAmount(total(rejected)))

  if (ack.claims.length > 0) {
    w.segment('HL', '3', '2', '19', '1')
    writeName(w, '85', opts.billingProvider, 'XX')
    w.segment('TRN', '1', '0')
  }
  for (const [i, claim] of ack.claims.entries()) {
    w.segment('HL', String(4 + i), '3', 'PT')
    const patient = opts.patientFor?.(claim.claimId)
    if (patient) writeName(w, 'QC', patient, 'MI')
    w.segment('TRN', '2', claim.claimId)
    // STC03 WQ accepted, U rejected; STC12 the free-form message.
    const message = claim.message ? normalizeText(claim.message) : undefined
    w.segment('STC', [claim.category, claim.status], processed, isAccepted(claim) ? 'WQ' : 'U', formatAmount(claim.chargeCents), ...Array<undefined>(7), message)
    if (claim.payerClaimControlNumber) w.segment('REF', '1K', claim.payerClaimControlNumber)
    if (w.error) return { ...w.error, claimId: claim.claimId }
  }
  w.endTransaction().endGroup().endInterchange()
  return w.finish()
}
