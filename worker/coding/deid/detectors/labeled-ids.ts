import { matchesOf } from '../scan'
import type { Detection, IdentifierKind } from '../types'

// A number introduced by a label that says what it is. The label stays (it tells a model what kind of
// record this is); the value goes. Labels are tried longest first so "Member ID" is not read as "ID".
const LABELS: readonly (readonly [kind: IdentifierKind, labels: string])[] = [
  ['MRN', 'MRN|MR ?#|MR No\\.?|Med(?:ical)? Rec(?:ord)?\\.?(?: Number| No\\.?| #)?|Chart(?: Number| No\\.?| #)|Patient ID|Pt ID|Pt\\.? #|Patient #'],
  ['MEMBER_ID', 'Member(?: ID| Number| No\\.?| #)|Mbr(?: ID| #)|Subscriber(?: ID| Number| No\\.?| #)|Beneficiary(?: ID| Number| No\\.?| #)|MBI|HICN|Medicaid(?: ID| Number| No\\.?| #)|Medicare(?: ID| Number| No\\.?| #)|Insurance ID|Ins\\.? ID|Policy(?: ID| Number| No\\.?| #)?|Group(?: ID| Number| No\\.?| #)?|Grp(?: ID| No\\.?| #)?'],
  ['ACCOUNT', 'Acct\\.?(?: Number| No\\.?| #)?|Account(?: Number| No\\.?| #)?|Encounter(?: ID| Number| No\\.?| #)|Visit(?: ID| Number| No\\.?| #)|Claim(?: ID| Number| No\\.?| #)|Invoice(?: Number| No\\.?| #)|FIN'],
  ['LICENSE', "License(?: Number| No\\.?| #)?|Lic\\.?(?: No\\.?| #)|Driver'?s License(?: Number| No\\.?| #)?|DL ?#?|DEA(?: Number| No\\.?| #)?|Certificate(?: Number| No\\.?| #)?|Cert\\.?(?: No\\.?| #)|NPI|TIN|EIN|Passport(?: Number| No\\.?| #)?"],
  ['VEHICLE_ID', 'VIN|Vehicle ID|License Plate|Plate(?: Number| No\\.?| #)?|Tag(?: Number| No\\.?| #)'],
  ['DEVICE_ID', 'Serial(?: Number| No\\.?| #)?|S/N|SN|Device(?: ID| Serial| Number| No\\.?| #)|UDI|IMEI|Implant(?: ID| Serial| Number| No\\.?| #)|Lot(?: Number| No\\.?| #)?'],
  ['ID', 'ID|Identifier|Ref(?:erence)?(?: Number| No\\.?| #)|Case(?: Number| No\\.?| #)|Record(?: Number| No\\.?| #)|Specimen(?: ID| Number| No\\.?| #)|Accession(?: Number| No\\.?| #)?'],
]

// The value: letters, digits, inner dashes and spaces before a digit ("W12 345 6789"), at least one digit, 4 to 30 characters. The label is
// matched case-insensitively but the short ones ("SN", "ID", "DL") only in capitals, so "id" in prose stays.
const VALUE = '([A-Za-z0-9](?:[A-Za-z0-9]|[-/](?=[A-Za-z0-9])| (?=\\d)){3,29})(?![A-Za-z0-9])'
const SHORT_LABELS = new Set(['SN', 'ID', 'DL', 'FIN', 'TIN', 'EIN', 'NPI', 'MBI', 'VIN', 'UDI', 'MRN'])

// Letters alone make an id only in capitals and when not a word a form puts in the field.
const NOT_VALUES = new Set(['PENDING', 'UNKNOWN', 'VERIFIED', 'NONE', 'REFUSED', 'DECLINED', 'UNAVAILABLE', 'SAME', 'APPLIED', 'REQUESTED', 'ATTACHED', 'ON FILE', 'SELF', 'MEDICARE', 'MEDICAID'])
function isIdentifierValue(value: string): boolean {
  if (/\d/.test(value)) return true
  return /^[A-Z]{6,30}$/.test(value) && !NOT_VALUES.has(value)
}

const COVERAGE = /\b(?:insurance|insured|subscriber|member|policy|plan|payer|coverage|BCBS|HMO|PPO)\b/i

const PATTERNS = LABELS.map(([kind, labels]) => [kind, new RegExp(`(?<![A-Za-z0-9])(?:${labels})(?![A-Za-z])[\\s:#.=-]{0,4}${VALUE}`, 'dgi')] as const)

export function detectLabeledIds(text: string): Detection[] {
  const found: Detection[] = []
  for (const [kind, pattern] of PATTERNS) {
    for (const m of matchesOf(text, pattern)) {
      const range = m.indices?.[1]
      const value = m[1]
      if (!range || value === undefined || !isIdentifierValue(value)) continue
      const label = m[0].slice(0, range[0] - m.index).replace(/[\s:#.=-]+$/, '')
      if (SHORT_LABELS.has(label.toUpperCase()) && label !== label.toUpperCase()) continue
      // A bare "group" is an insurance group number only in talk of coverage ("age group 18-44" is not).
      if (/^gro?u?p$/i.test(label) && !COVERAGE.test(text.slice(Math.max(0, m.index - 80), m.index))) continue
      found.push({ start: range[0], end: range[1], kind })
    }
  }
  return found
}
