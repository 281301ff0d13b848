import type Stripe from 'stripe'
import { checkRoutingNumber } from './aba-routing'
import { createConnectedAccount } from './stripe'
import type { StripeFailure } from './stripe'

export type PayoutAccountRequest = {
  providerId: string
  legalName: string
  email: string
  routingNumber: string
  accountNumber: string
  accountHolderType: 'company' | 'individual'
  acceptedAt: Date
  acceptedIp: string
}

export type OnboardingOutcome =
  | { ok: true; accountId: string; bankLast4: string; routingLast4: string; payoutsEnabled: boolean }
  | { ok: false; reason: 'routing-number-invalid'; message: string }
  | { ok: false; reason: 'invalid-input'; problems: string[] }
  | StripeFailure

/**
 * Onboards a provider's bank account as a connected account. The routing number is checked before
 * anything is sent, so a typo never reaches Stripe. The idempotency key is derived from the provider,
 * the day and the details, so a retried request (a lost response) finds the account it made, while
 * corrected details make a new one instead of colliding with the refused attempt's stored answer.
 */
export async function onboardProvider(stripe: Stripe, request: PayoutAccountRequest): Promise<OnboardingOutcome> {
  const routing = checkRoutingNumber(request.routingNumber)
  if (!routing.ok) return { ok: false, reason: 'routing-number-invalid', message: routing.message }
  const day = request.acceptedAt.toISOString().slice(0, 10)
  const details = await digest([request.legalName, request.email, request.routingNumber, request.accountNumber, request.accountHolderType, request.acceptedIp].join('\n'))
  // Stripe compares a replayed key's parameters: the acceptance time must be the same on a retry that day.
  const acceptedAt = new Date(`${day}T00:00:00.000Z`)
  const result = await createConnectedAccount(
    stripe,
    {
      providerId: request.providerId,
      legalName: request.legalName,
      email: request.email,
      businessType: request.accountHolderType,
      routingNumber: request.routingNumber,
      accountNumber: request.accountNumber,
      tosAcceptedAt: acceptedAt,
      tosAcceptedIp: request.acceptedIp,
    },
    { idempotencyKey: `onboard:${request.providerId}:${day}:${details}` },
  )
  if (!result.ok) {
    if (result.reason === 'routing-number-invalid') return { ok: false, reason: result.reason, message: result.message }
    return result
  }
  return { ok: true, accountId: result.accountId, bankLast4: result.bankLast4, routingLast4: request.routingNumber.slice(-4), payoutsEnabled: result.payoutsEnabled }
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return Array.from(bytes.slice(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')
}
