// 999 implementation acknowledgements (005010X231) into X12Ack999. The 4010 997 has the same shape with
// AK3/AK4/AK5 where the 999 has IK3/IK4/IK5, so it is read too. A TA1 (interchange acknowledgement) is
// not a transaction set: the reader says so in an issue.
import { interchangesOf } from './envelope'
import type { X12ReaderInput, X12TransactionSet } from './envelope'
import type { X12Ack999, X12Issue } from './model'
import { element } from './segments'

export type Read999Result = { ok: boolean; acknowledgements: X12Ack999[]; issues: X12Issue[] }

/** Reads every 999 (or 997) transaction set. Never throws. */
export function read999(input: X12ReaderInput): Read999Result {
  const { transactions, technicalAcknowledgements } = interchangesOf(input)
  const issues: X12Issue[] = []
  const sets = transactions.filter((t) => t.type === '999' || t.type === '997')
  if (sets.length === 0) {
    const found = technicalAcknowledgements.length > 0 ? 'a TA1 interchange acknowledgement' : transactions.map((t) => t.type).join(', ') || 'nothing'
    issues.push({ segment: technicalAcknowledgements[0]?.position ?? 0, message: `no 999 transaction set (found ${found})` })
  }
  const acknowledgements = sets.map((set) => readSet(set, issues))
  return { ok: sets.length > 0, acknowledgements, issues }
}

function readSet(set: X12TransactionSet, issues: X12Issue[]): X12Ack999 {
  const ack: X12Ack999 = { envelope: set.envelope, acknowledgedGroupControlNumber: '', groupStatus: '', transactions: [] }
  let current: X12Ack999['transactions'][number] | undefined
  let segmentError: { segmentId: string; position: number } | undefined
  for (const s of set.segments) {
    const e = (n: number) => element(s, n)
    switch (s.id) {
      case 'AK1':
        ack.acknowledgedGroupControlNumber = e(2)
        break
      case 'AK2':
        current = { controlNumber: e(2), status: '', errors: [] }
        segmentError = undefined
        ack.transactions.push(current)
        break
      case 'IK3':
      case 'AK3':
        if (!current) break
        segmentError = { segmentId: e(1), position: Number(e(2)) || 0 }
        current.errors.push({ ...segmentError, code: e(4) })
        break
      case 'IK4':
      case 'AK4':
        // An element error belongs to the segment error before it; its code is IK403 (AK403).
        if (!current) break
        current.errors.push({ segmentId: segmentError?.segmentId ?? '', position: segmentError?.position ?? 0, code: e(3) })
        break
      case 'IK5':
      case 'AK5':
        if (current) current.status = e(1)
        break
      case 'AK9':
        ack.groupStatus = e(1)
        break
    }
  }
  if (!ack.groupStatus) issues.push({ segment: set.segments.at(-1)?.position ?? 0, message: `${set.type} without AK9 (group status)` })
  return ack
}
