import { createHash } from 'node:crypto'
import { z } from 'zod'
import { checkRoutingNumber } from '../../../worker/payments/aba-routing'
import { stripeErrors } from '../errors'
import type { StripeError } from '../errors'
import type { IdFactory } from '../ids'
import type { BankAccountObject } from '../objects'
import { currencyParam, metadataParam } from '../params'

/**
 * Stripe's Connect test convention (routing 110000000): these account numbers create fine, and their
 * payouts fail at the bank with the given failure_code. Everything else pays.
 */
export const STRIPE_FAILING_TEST_ACCOUNTS: Record<string, string> = {
  '000111111116': 'no_account',
  '000111111113': 'account_closed',
  '000222222227': 'insufficient_funds',
  '000333333335': 'debit_not_authorized',
  '000444444440': 'invalid_currency',
}

const TEST_BANK_ROUTING = '110000000'

export const bankAccountParam = z.strictObject({
  object: z.literal('bank_account'),
  country: z.string(),
  currency: currencyParam,
  routing_number: z.string(),
  account_number: z.string(),
  account_holder_name: z.string().optional(),
  account_holder_type: z.enum(['individual', 'company']).optional(),
  metadata: metadataParam.optional(),
})

export type BankAccountParam = z.output<typeof bankAccountParam>

export type NewBankAccount = { object: BankAccountObject; accountNumber: string }

/** Checks a US bank account the way Stripe rejects one at creation, before any object exists. */
export function buildBankAccount(
  param: BankAccountParam,
  accountId: string,
  ids: IdFactory,
): { ok: true; value: NewBankAccount } | { ok: false; error: StripeError } {
  if (param.country.toUpperCase() !== 'US') {
    return { ok: false, error: stripeErrors.invalidParam('external_account[country]', 'Only US bank accounts are supported by this endpoint.') }
  }
  const routing = checkRoutingNumber(param.routing_number)
  if (!routing.ok) {
    return { ok: false, error: stripeErrors.invalidParam('external_account[routing_number]', routing.message, 'routing_number_invalid') }
  }
  if (!/^\d{4,17}$/.test(param.account_number)) {
    return {
      ok: false,
      error: stripeErrors.invalidParam('external_account[account_number]', 'Account number must be 4 to 17 digits.', 'account_number_invalid'),
    }
  }
  const object: BankAccountObject = {
    id: ids.next('ba'),
    object: 'bank_account',
    account: accountId,
    account_holder_name: param.account_holder_name ?? null,
    account_holder_type: param.account_holder_type ?? null,
    account_type: null,
    bank_name: routing.routingNumber === TEST_BANK_ROUTING ? 'STRIPE TEST BANK' : null,
    country: 'US',
    currency: param.currency,
    default_for_currency: true,
    fingerprint: createHash('sha256').update(`${routing.routingNumber}:${param.account_number}`).digest('base64url').slice(0, 16),
    last4: param.account_number.slice(-4),
    metadata: param.metadata ?? {},
    routing_number: routing.routingNumber,
    status: 'new',
  }
  return { ok: true, value: { object, accountNumber: param.account_number } }
}
