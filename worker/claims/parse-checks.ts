import type { ClaimInput, ClaimReason } from '../contracts'

export type ParseCheck = { ok: true } | { ok: false; reasons: ClaimReason[] }

/** Above this a claim goes to a person, not to same-day payout: one claim would be a large exposure. */
export const MAX_CLAIM_BILLED_CENTS = 100_000_000

/**
 * The semantic checks of the parse stage, after the shape has been validated by the ClaimInput
 * contract. `today` is the provider's calendar date (YYYY-MM-DD), passed in so the check is the same
 * on every retry of the same message.
 */
export function checkClaimForParse(input: ClaimInput, today: string): ParseCheck {
  const reasons: ClaimReason[] = []

  if (!isCalendarDate(input.serviceDate)) {
    reasons.push({ code: 'service-date-invalid', message: `The service date ${input.serviceDate} is not a real calendar date.` })
  } else if (input.serviceDate > today) {
    reasons.push({
      code: 'service-date-in-future',
      message: `The service date ${input.serviceDate} is in the future: a claim can only be billed after the service (today is ${today}).`,
    })
  }

  input.lines.forEach((line, index) => {
    for (const pointer of line.diagnosisPointers) {
      if (!Number.isInteger(pointer) || pointer < 1 || pointer > input.diagnoses.length) {
        reasons.push({
          code: 'pointer-out-of-range',
          message: `Line ${index + 1} points to diagnosis ${pointer}, but the claim lists ${input.diagnoses.length}.`,
        })
      }
    }
  })

  const billedCents = input.lines.reduce((sum, line) => sum + line.chargeCents, 0)
  if (billedCents > MAX_CLAIM_BILLED_CENTS) {
    reasons.push({
      code: 'billed-over-limit',
      message: `The claim bills ${dollars(billedCents)} in total; claims above ${dollars(MAX_CLAIM_BILLED_CENTS)} cannot be paid out same day.`,
    })
  }

  return reasons.length === 0 ? { ok: true } : { ok: false, reasons }
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function dollars(cents: number): string {
  const whole = Math.floor(cents / 100).toLocaleString('en-US')
  return `$${whole}.${String(cents % 100).padStart(2, '0')}`
}
