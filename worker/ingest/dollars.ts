export type DollarsParse = { ok: true; cents: number } | { ok: false; message: string }

// Parsed as text, never through a float: 0.29 * 100 is 28.999999999999996.
const DOLLARS = /^\$?\s*((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d{1,2}))?$/

/** Dollars as billers type them ("125", "125.5", "$1,250.50") to integer cents. */
export function parseDollars(text: string): DollarsParse {
  const match = DOLLARS.exec(text.trim())
  if (!match) return { ok: false, message: `'${text}' is not an amount in dollars (e.g. 125.00 or $1,250.50)` }
  const whole = (match[1] ?? '0').replaceAll(',', '')
  const fraction = (match[2] ?? '').padEnd(2, '0')
  const cents = Number(whole) * 100 + Number(fraction)
  if (!Number.isSafeInteger(cents)) return { ok: false, message: `'${text}' is too large an amount` }
  return { ok: true, cents }
}

/** Integer cents as plain dollars with two decimals ("1250.50"), the inverse of parseDollars. */
export function formatDollars(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
