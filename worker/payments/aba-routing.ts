/**
 * ABA routing transit numbers carry a check digit: the nine digits weighted 3, 7, 1 (repeating) must
 * sum to a multiple of ten. Checking it at onboarding catches most typos before a payout bounces days
 * later as an ACH return. Pure: shared by the onboarding validation and the local Stripe endpoint.
 */

export type RoutingNumberProblem = 'not-nine-digits' | 'all-zeros' | 'checksum-mismatch'

export type RoutingNumberCheck =
  | { ok: true; routingNumber: string }
  | { ok: false; reason: RoutingNumberProblem; message: string }

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const

const MESSAGES: Record<RoutingNumberProblem, string> = {
  'not-nine-digits': 'Routing number must have exactly 9 digits.',
  // The all-zero number passes the checksum (0 is a multiple of 10) but no bank has it.
  'all-zeros': 'Routing number cannot be all zeros.',
  'checksum-mismatch': 'Routing number is invalid: its check digit does not match.',
}

/** Checks the form of a US ABA routing number; says nothing about whether the bank accepts ACH. */
export function checkRoutingNumber(input: string): RoutingNumberCheck {
  if (!/^\d{9}$/.test(input)) return problem('not-nine-digits')
  if (/^0{9}$/.test(input)) return problem('all-zeros')
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(input[i]) * WEIGHTS[i]!
  if (sum % 10 !== 0) return problem('checksum-mismatch')
  return { ok: true, routingNumber: input }
}

function problem(reason: RoutingNumberProblem): RoutingNumberCheck {
  return { ok: false, reason, message: MESSAGES[reason] }
}
