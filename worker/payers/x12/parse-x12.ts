// One call for "what is this file": its transaction type, guide version, the claims it names and every
// problem found on the way, each with its segment position. For uploads and the CLI; the typed readers
// (read837, read835 ...) give the full models.
import { readInterchanges } from './envelope'
import type { X12Interchanges } from './envelope'
import type { X12Issue } from './model'
import { read277CA } from './read-277ca'
import { read835 } from './read-835'
import { kindOf837, read837 } from './read-837'
import { read999 } from './read-999'

export type X12FileType = '837P' | '837I' | '835' | '277CA' | '277' | '999' | '270' | '271' | '276' | 'TA1' | 'unknown'

export type X12Summary = {
  type: X12FileType
  /** The implementation guide (GS08 / ST03) of the first transaction set, e.g. 005010X222A1; ISA12 for a TA1. */
  version: string
  /** charge and paid in dollars (a number for display; the readers keep integer cents). */
  claims: { id: string; charge: number; paid: number | null }[]
  errors: { segment: number; message: string }[]
}

/** Summarises an X12 file. Never throws: unreadable input is type 'unknown' with errors. */
export function parseX12(input: string | Uint8Array): X12Summary {
  try {
    return summarise(readInterchanges(input))
  } catch (error) {
    // A bug in a reader must not take an upload down; the message names the bug, not the data.
    return { type: 'unknown', version: '', claims: [], errors: [{ segment: 0, message: `internal reader error: ${error instanceof Error ? error.name : 'unknown'}` }] }
  }
}

function summarise(x: X12Interchanges): X12Summary {
  const first = x.transactions[0]
  const type = fileType(x)
  const version = first ? first.envelope.implementationGuide : (x.versions[0] ?? '')
  const issues: X12Issue[] = [...x.issues]
  let claims: X12Summary['claims'] = []
  const dollars = (cents: number) => cents / 100
  if (type === '837P' || type === '837I') {
    const r = read837(x)
    issues.push(...r.issues)
    claims = r.claims.map((c) => ({ id: c.claimId, charge: dollars(c.totalChargeCents), paid: null }))
  } else if (type === '835') {
    const r = read835(x)
    issues.push(...r.issues)
    claims = r.remittances.flatMap((rem) => rem.claims.map((c) => ({ id: c.claimId, charge: dollars(c.chargeCents), paid: dollars(c.paidCents) })))
  } else if (type === '277CA' || type === '277') {
    const r = read277CA(x)
    issues.push(...r.issues)
    claims = r.acknowledgements.flatMap((a) => a.claims.map((c) => ({ id: c.claimId, charge: dollars(c.chargeCents), paid: null })))
  } else if (type === '999') {
    issues.push(...read999(x).issues)
  }
  const errors = issues
    .map((i) => ({ segment: i.segment, message: i.segmentId ? `${i.segmentId}: ${i.message}` : i.message }))
    .sort((a, b) => a.segment - b.segment)
  return { type, version, claims, errors }
}

function fileType(x: X12Interchanges): X12FileType {
  const first = x.transactions[0]
  if (!first) return x.technicalAcknowledgements.length > 0 ? 'TA1' : 'unknown'
  switch (first.type) {
    case '837':
      return kindOf837(first)
    case '277':
      return first.envelope.implementationGuide.includes('X214') ? '277CA' : '277'
    case '835':
    case '999':
    case '270':
    case '271':
    case '276':
      return first.type
    default:
      return 'unknown'
  }
}
