export type FhirCents = { cents: number; exact: boolean }

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/

/**
 * A FHIR decimal amount to integer cents, from its decimal text and never through `value * 100`
 * (0.29 * 100 is 28.999999999999996). Sub-cent amounts (Synthea's coinsurance 37.847, float noise
 * 112.41600000000001) round half away from zero and are reported as not exact.
 */
export function fhirAmountToCents(value: number): FhirCents | null {
  if (!Number.isFinite(value)) return null
  // JSON numbers print as their shortest decimal; only tiny or huge ones use an exponent.
  const text = Math.abs(value) < 1e-6 && value !== 0 ? value.toFixed(20) : String(value)
  const match = DECIMAL.exec(text)
  if (!match) return null
  const [, sign, whole = '0', fraction = ''] = match
  const cents2 = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'))
  const rest = fraction.slice(2)
  const roundUp = rest.length > 0 && rest[0] !== undefined && rest[0] >= '5'
  const cents = cents2 + (roundUp ? 1 : 0)
  if (!Number.isSafeInteger(cents)) return null
  return { cents: sign === '-' && cents !== 0 ? -cents : cents, exact: /^0*$/.test(rest) }
}

/** Integer cents as a FHIR decimal: the division prints as the exact two-decimal value. */
export function centsToFhirAmount(cents: number): number {
  return cents / 100
}
