// Value formatting for the X12 writers: amounts, dates, numbers and free text. Pure functions that
// return undefined for what cannot be written, so the writers turn that into an error value.

/**
 * Integer cents as an X12 decimal amount: dollars, at most two decimals, no trailing zeros
 * (12500 -> "125", 12550 -> "125.5", 12345 -> "123.45", -500 -> "-5"). Integer arithmetic only.
 */
export function formatAmount(cents: number): string | undefined {
  if (!Number.isSafeInteger(cents)) return undefined
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const dollars = Math.floor(abs / 100)
  const rest = abs % 100
  if (rest === 0) return `${sign}${dollars}`
  if (rest % 10 === 0) return `${sign}${dollars}.${rest / 10}`
  return `${sign}${dollars}.${String(rest).padStart(2, '0')}`
}

/** A quantity (units, minutes): a non-negative finite number without exponent, at most 3 decimals. */
export function formatQuantity(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined
  if (Number.isInteger(value)) return String(value)
  const fixed = value.toFixed(3).replace(/0+$/, '')
  return Number(fixed) === value ? fixed : undefined
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** YYYY-MM-DD as CCYYMMDD (X12 DT, 8 digits); undefined for anything that is not a real date. */
export function formatDate(date: string): string | undefined {
  const m = isoDate.exec(date)
  if (!m) return undefined
  const parsed = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return undefined
  return `${m[1]}${m[2]}${m[3]}`
}

export type X12Timestamp = { ccyymmdd: string; yymmdd: string; hhmm: string }

/** An ISO date-time, normalised to UTC, as the envelope's date and time fields. */
export function formatTimestamp(iso: string): X12Timestamp | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return undefined
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return undefined
  const utc = new Date(ms).toISOString()
  const ccyymmdd = utc.slice(0, 10).replaceAll('-', '')
  return { ccyymmdd, yymmdd: ccyymmdd.slice(2), hhmm: utc.slice(11, 16).replace(':', '') }
}

/**
 * Free text (names, addresses) towards the X12 basic character set: accents dropped, typographic
 * quotes and dashes made plain ("Children’s" is how practices write their names), upper case,
 * whitespace collapsed. Delimiter characters are kept on purpose so the segment builder refuses them
 * rather than this function silently changing what a name says.
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/** Digits only, e.g. a phone number or a tax id written with dashes. */
export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '')
}
