import type { DeidContext } from '../context'
import type { Detection, IdentifierKind } from '../types'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The ways a birth date is written that the general date patterns may miss: run together, two-digit years. */
function birthDateForms(value: string): string[] {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!iso) return [value]
  const [, y = '', m = '', d = ''] = iso
  const mm = String(Number(m))
  const dd = String(Number(d))
  const yy = y.slice(2)
  const month = MONTHS[Number(m) - 1] ?? ''
  return [value, `${m}${d}${y}`, `${y}${m}${d}`, `${m}${d}${yy}`, `${m}/${d}/${y}`, `${mm}/${dd}/${y}`, `${mm}/${dd}/${yy}`, `${m}-${d}-${y}`, `${mm}-${dd}-${yy}`, `${month} ${dd}, ${y}`, `${month} ${dd} ${y}`, `${dd} ${month} ${y}`, `${month.slice(0, 3)} ${dd}, ${y}`, `${dd} ${month.slice(0, 3)} ${y}`]
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A pattern for a known value in the forms people retype it: any case, and for ids and phone numbers with
 * or without spaces, dots and dashes between the characters. Each gap is one optional character, so
 * matching stays linear.
 */
function flexiblePattern(value: string, loose: boolean): RegExp {
  const chars = [...value.replace(loose ? /[\s.()-]/g : /\s+/g, loose ? '' : ' ')]
  const body = chars.map((c) => (c === ' ' ? '[ \\t]{1,3}' : escape(c))).join(loose ? '[ .-]?' : '')
  return new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, 'gi')
}

function find(text: string, value: string | undefined, kind: IdentifierKind, loose: boolean, out: Detection[]) {
  if (value === undefined || value.replace(/[^A-Za-z0-9]/g, '').length < 2) return
  const pattern = flexiblePattern(value, loose)
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) pattern.lastIndex++
    else out.push({ start: m.index, end: m.index + m[0].length, kind })
  }
}

/** Every mention of an identifier the claim already holds (birth date, member id, address, phone...). */
export function detectContextValues(text: string, context: DeidContext): Detection[] {
  const found: Detection[] = []
  const p = context.patient
  if (p) {
    if (p.birthDate) for (const form of new Set(birthDateForms(p.birthDate))) find(text, form, 'DATE', false, found)
    find(text, p.memberId, 'MEMBER_ID', true, found)
    find(text, p.mrn, 'MRN', true, found)
    find(text, p.ssn, 'SSN', true, found)
    find(text, p.accountNumber, 'ACCOUNT', true, found)
    find(text, p.phone, 'PHONE', true, found)
    find(text, p.email, 'EMAIL', false, found)
    find(text, p.address?.line1, 'ADDRESS', false, found)
    find(text, p.address?.line2, 'ADDRESS', false, found)
    find(text, p.address?.zip, 'ZIP', true, found)
    // A city is also a word ("Mobile", "Normal"): only capitalised mentions count.
    const city = p.address?.city
    if (city) {
      const cityFound: Detection[] = []
      find(text, city, 'CITY', false, cityFound)
      for (const d of cityFound) if (/^[A-Z]/.test(text.slice(d.start, d.start + 1))) found.push(d)
    }
  }
  for (const value of context.otherIdentifiers ?? []) find(text, value, 'ID', true, found)
  return found
}
