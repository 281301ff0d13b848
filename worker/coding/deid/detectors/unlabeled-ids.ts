import { matchesOf, wholeDetection } from '../scan'
import type { Detection } from '../types'

// "Any other unique identifying number": identifiers written without a label. Clinical numbers are short
// (a CPT code has 5 digits, an ICD-10-CM code at most 5 digits, an NDC is split by dashes), so a run of
// seven or more digits, or a mix of letters and at least five digits, is treated as an identifier.

// Medicare Beneficiary Identifier: 11 characters in a fixed letter/digit pattern, S L O I B Z never used.
const MBI = /(?<![A-Za-z0-9])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}(?![A-Za-z0-9])/dg
// Code systems whose codes are long numbers and are clinical content, not identifiers.
const CODE_LABEL = '(?<!(?:NDC|SNOMED(?: CT)?|SCT|RxNorm|RXCUI|LOINC|CVX|UPC)[\\s:#]{0,3})'
// A long run of digits not part of a decimal number or a date.
const LONG_NUMBER = new RegExp(`${CODE_LABEL}(?<![A-Za-z\\d.,/])\\d{7,}(?![\\d/]|[.,]\\d)`, 'dg')
// Letters and digits mixed, 8 to 30 characters with at least 5 digits: "W12345678", "AB12C34567". Eight,
// because an ICD-10-CM code written without its dot ("S72001A") has seven.
const MIXED = /(?<![A-Za-z0-9.-])(?=[A-Za-z0-9]{0,29}[A-Za-z])(?=(?:[A-Za-z]{0,29}\d){5})[A-Za-z0-9]{8,30}(?![A-Za-z0-9]|[.-][A-Za-z0-9])/dg

export function detectUnlabeledIds(text: string): Detection[] {
  const found: Detection[] = []
  for (const m of matchesOf(text, MBI)) found.push(wholeDetection(m, 'MEMBER_ID'))
  for (const m of matchesOf(text, LONG_NUMBER)) found.push(wholeDetection(m, 'ID'))
  for (const m of matchesOf(text, MIXED)) found.push(wholeDetection(m, 'ID'))
  return found
}
