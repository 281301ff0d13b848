/**
 * Pool figures arrive as decimal strings of cents (they can pass 2^53); these turn them into dollars
 * without going through a float, and turn what an admin types into whole cents.
 */
export function formatCentsText(cents: string | null | undefined): string {
  if (cents == null || !/^-?\d+$/.test(cents)) return '—'
  const negative = cents.startsWith('-')
  const digits = (negative ? cents.slice(1) : cents).padStart(3, '0')
  const dollars = digits.slice(0, -2).replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${negative ? '−' : ''}$${dollars}.${digits.slice(-2)}`
}

export type DollarsParse = { ok: true; cents: number } | { ok: false; message: string }

/** "2,500", "$2500.5" or "2500.50" -> 250050 cents; anything else is a message for the field. */
export function parseDollars(input: string, maxCents: number): DollarsParse {
  const text = input.trim().replace(/^\$/, '').replaceAll(',', '')
  if (text === '') return { ok: false, message: 'Enter an amount in dollars.' }
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!match) {
    if (/^-/.test(text)) return { ok: false, message: 'The amount must be more than zero.' }
    if (/^\d*\.\d{3,}$/.test(text)) return { ok: false, message: 'Use at most two decimals (whole cents).' }
    return { ok: false, message: 'Enter an amount in dollars, like 2500 or 2500.50.' }
  }
  const whole = match[1]!.replace(/^0+(?=\d)/, '')
  const cents = BigInt(whole) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'))
  if (cents <= 0n) return { ok: false, message: 'The amount must be more than zero.' }
  if (cents > BigInt(maxCents)) return { ok: false, message: `The amount can be at most ${formatCentsText(String(maxCents))} per deposit.` }
  return { ok: true, cents: Number(cents) }
}
