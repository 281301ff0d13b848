import type { PayerProfile } from '../../generator/engine/payers'
import type { X12Claim837, X12Issue, X12Party } from '../x12/model'
import { read837 } from '../x12/read-837'
import { write277CA } from '../x12/write-277ca'
import { controlNumberFor } from '../submission/control-number'

export type Received837 =
  | { ok: true; claims: X12Claim837[] }
  | { ok: false; reason: 'malformed-837'; issues: X12Issue[]; ack277ca: string }

const UNKNOWN_PARTY: X12Party = { entityType: '2', lastOrOrganizationName: 'UNKNOWN', idQualifier: '46', id: 'UNKNOWN' }

/**
 * The payer's front door: a file the reader cannot read cleanly, or one with no claim, or a claim for
 * another payer, is rejected as a whole with a 277CA (A3 returned as unprocessable, status 21 missing
 * or invalid information), as clearinghouses do before adjudication starts.
 */
export function receive837(text: string, payer: PayerProfile, at: string): Received837 {
  const read = read837(text)
  const issues = [...read.issues]
  if (read.ok && read.claims.length === 0) issues.push({ segment: 0, message: 'no claim in the file' })
  for (const claim of read.claims) {
    if (claim.kind !== '837P') issues.push({ segment: 0, message: `claim ${claim.claimId} is not professional` })
    if (claim.payer.id !== payer.payer.id) issues.push({ segment: 0, segmentId: 'NM1', message: `claim ${claim.claimId} is for another payer` })
  }
  if (read.ok && issues.length === 0) return { ok: true, claims: read.claims }
  const first = read.claims[0]
  const control = controlNumberFor(`277:${text.length}:${at}`)
  const ack = write277CA(
    {
      envelope: { senderId: payer.payer.id, receiverId: first?.envelope.senderId ?? 'UNKNOWN', interchangeControlNumber: control, groupControlNumber: control, transactionControlNumber: control, implementationGuide: '005010X214', createdAt: at, usage: 'T' },
      claims: read.claims.map((c) => ({ claimId: c.claimId, category: 'A3', status: '21', chargeCents: c.totalChargeCents, message: 'REJECTED: FILE DID NOT PASS EDITS' })),
    },
    {
      payer: { entityType: '2', lastOrOrganizationName: payer.payer.name.toUpperCase().replace(/[^A-Z0-9 ]/g, ''), idQualifier: 'PI', id: payer.payer.id },
      receiver: first?.submitter ?? UNKNOWN_PARTY,
      billingProvider: first?.billingProvider ?? UNKNOWN_PARTY,
      batchReference: control,
    },
  )
  return { ok: false, reason: 'malformed-837', issues, ack277ca: ack.ok ? ack.text : '' }
}
