// 277CA claim acknowledgements (005010X214) into X12Ack277CA. The hierarchy is information source (HL 20),
// receiver (21), billing provider (19) and patient / claim (PT); only the PT level describes a claim:
// TRN*2 carries the provider's claim id (CLM01), STC the status, REF*1K the payer's claim number.
import { interchangesOf } from './envelope'
import type { X12ReaderInput, X12TransactionSet } from './envelope'
import type { X12Ack277CA, X12ClaimAcknowledgement, X12Issue } from './model'
import { element, parseX12Cents, splitComponents } from './segments'
import type { X12Segment } from './segments'

export type Read277CAResult = { ok: boolean; acknowledgements: X12Ack277CA[]; issues: X12Issue[] }

/** Reads every 277 transaction set as a claim acknowledgement. Never throws. */
export function read277CA(input: X12ReaderInput): Read277CAResult {
  const { transactions } = interchangesOf(input)
  const issues: X12Issue[] = []
  const sets = transactions.filter((t) => t.type === '277')
  if (sets.length === 0) issues.push({ segment: 0, message: 'no 277 transaction set' })
  for (const set of sets) {
    if (!set.envelope.implementationGuide.includes('X214')) {
      issues.push({ segment: set.segments[0]?.position ?? 0, segmentId: 'ST', message: `277 guide ${set.envelope.implementationGuide || '(none)'} is not a 277CA (X214)` })
    }
  }
  const acknowledgements = sets.map((set) => readSet(set, issues))
  return { ok: sets.length > 0, acknowledgements, issues }
}

function readSet(set: X12TransactionSet, issues: X12Issue[]): X12Ack277CA {
  const issue = (s: X12Segment, message: string) => issues.push({ segment: s.position, segmentId: s.id, message })
  const claims: X12ClaimAcknowledgement[] = []
  let claim: X12ClaimAcknowledgement | undefined
  let claimHl: X12Segment | undefined
  let hasStatus = false
  const finish = () => {
    if (claim && claimHl) {
      if (!claim.claimId) issue(claimHl, 'claim level without TRN*2 (claim id)')
      if (!hasStatus) issue(claimHl, `claim ${claim.claimId} has no STC`)
      claims.push(claim)
    }
    claim = undefined
    hasStatus = false
  }
  for (const s of set.segments) {
    const e = (n: number) => element(s, n)
    switch (s.id) {
      case 'HL':
        finish()
        if (e(3) === 'PT') {
          claimHl = s
          claim = { claimId: '', category: '', status: '', chargeCents: 0 }
        }
        break
      case 'TRN':
        if (claim && e(1) === '2') claim.claimId = e(2)
        break
      case 'STC': {
        // The first STC is the claim's status; further ones add detail the model does not keep.
        if (!claim || hasStatus) break
        hasStatus = true
        const [category = '', status = ''] = splitComponents(e(1), set.delimiters)
        claim.category = category
        claim.status = status
        const charge = e(4) === '' ? 0 : parseX12Cents(e(4))
        if (charge === undefined) issue(s, `STC04 "${e(4)}" is not an amount`)
        claim.chargeCents = charge ?? 0
        if (e(12)) claim.message = e(12)
        break
      }
      case 'REF':
        if (claim && e(1) === '1K') claim.payerClaimControlNumber = e(2)
        break
      case 'SE':
        finish()
        break
    }
  }
  finish()
  return { envelope: set.envelope, claims }
}
