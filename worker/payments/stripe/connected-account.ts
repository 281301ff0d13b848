import type Stripe from 'stripe'
import { z } from 'zod'
import { checkRoutingNumber } from '../aba-routing'
import type { RoutingNumberProblem } from '../aba-routing'
import { stripeFailure } from './stripe-failure'
import type { StripeFailure } from './stripe-failure'

export const OnboardingInput = z.strictObject({
  providerId: z.string().min(1),
  legalName: z.string().trim().min(1).max(200),
  email: z.email(),
  businessType: z.enum(['company', 'individual']).default('company'),
  routingNumber: z.string(),
  // US account numbers run 4 to 17 digits; the message never repeats the input.
  accountNumber: z.string().regex(/^\d{4,17}$/, 'account number must be 4 to 17 digits'),
  accountHolderName: z.string().trim().min(1).max(200).optional(),
  /** When and from where the provider accepted Stripe's recipient agreement (Stripe requires both). */
  tosAcceptedAt: z.date(),
  tosAcceptedIp: z.union([z.ipv4(), z.ipv6()]),
  /** Merchant category: 8011 doctors; 8099 other health services. */
  mcc: z.string().regex(/^\d{4}$/).default('8011'),
  productDescription: z.string().max(500).default('Medical services to patients'),
})
export type OnboardingInput = z.input<typeof OnboardingInput>

export type Onboarded = { ok: true; accountId: string; bankLast4: string; payoutsEnabled: boolean }

export type OnboardingResult =
  | Onboarded
  | { ok: false; reason: 'invalid-input'; problems: string[] }
  | { ok: false; reason: 'routing-number-invalid'; problem: RoutingNumberProblem; message: string }
  | StripeFailure

/**
 * A custom connected account per provider with its US bank account, so payouts land by ACH in the
 * provider's bank. The routing number is checked (ABA checksum) before Stripe is called: a typo is
 * answered at once instead of bouncing as an ACH return days after the first payout.
 * `idempotencyKey` (e.g. `onboard:<providerId>:<attempt>`) makes a retried onboarding create one account.
 */
export async function createConnectedAccount(stripe: Stripe, input: OnboardingInput, opts: { idempotencyKey?: string } = {}): Promise<OnboardingResult> {
  const parsed = OnboardingInput.safeParse(input)
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-input', problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }
  }
  const p = parsed.data
  const routing = checkRoutingNumber(p.routingNumber)
  if (!routing.ok) return { ok: false, reason: 'routing-number-invalid', problem: routing.reason, message: routing.message }
  try {
    const account = await stripe.accounts.create(
      {
        type: 'custom',
        country: 'US',
        email: p.email,
        business_type: p.businessType,
        business_profile: { name: p.legalName, mcc: p.mcc, product_description: p.productDescription },
        capabilities: { transfers: { requested: true } },
        external_account: {
          object: 'bank_account',
          country: 'US',
          currency: 'usd',
          routing_number: routing.routingNumber,
          account_number: p.accountNumber,
          account_holder_name: p.accountHolderName ?? p.legalName,
          account_holder_type: p.businessType,
        },
        // The recipient agreement: the provider receives transfers and is not a merchant taking card payments.
        tos_acceptance: { date: Math.floor(p.tosAcceptedAt.getTime() / 1000), ip: p.tosAcceptedIp, service_agreement: 'recipient' },
        metadata: { provider_id: p.providerId },
      },
      opts.idempotencyKey !== undefined ? { idempotencyKey: opts.idempotencyKey } : {},
    )
    return { ok: true, accountId: account.id, bankLast4: p.accountNumber.slice(-4), payoutsEnabled: account.payouts_enabled ?? false }
  } catch (error) {
    return stripeFailure(error)
  }
}
