const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })

/** Money is integer cents everywhere (DESIGN 5); only the UI turns it into dollars. */
export function formatCents(cents: number | null | undefined): string {
  if (cents == null) return '—'
  return usd.format(cents / 100)
}

/** Rates are basis points: 500 -> "5%". */
export function formatBps(bps: number | null | undefined): string {
  if (bps == null) return '—'
  return `${(bps / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`
}

/**
 * `locale` undefined means the browser's. The server renders with a fixed locale in UTC and the
 * <LocalTime> component re-renders in the user's locale and zone once mounted.
 */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d)
}

export function formatTime(iso: string, locale?: string, timeZone?: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone }).format(d)
}

/** A calendar date (YYYY-MM-DD) has no zone: format it in UTC so it never shifts a day. */
export function formatServiceDate(isoDate: string, locale?: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return isoDate
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d)
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
