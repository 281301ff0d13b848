import { z } from 'zod'
import type { Handler } from '../context'
import { stripeErrors } from '../errors'
import type { AccountObject } from '../objects'
import { booleanParam, expandParam, integerParam, metadataParam, parseParams } from '../params'
import { failed, ok, rejected } from '../reply'
import { bankAccountParam, buildBankAccount } from './bank-account'

/** Free-form hashes the product may send at onboarding and this endpoint only stores. */
const looseHash = z.record(z.string(), z.unknown())

const createAccountParams = z.strictObject({
  type: z.enum(['custom', 'express', 'standard']).optional(),
  country: z.string().optional(),
  email: z.string().optional(),
  business_type: z.enum(['individual', 'company', 'non_profit', 'government_entity']).optional(),
  business_profile: looseHash.optional(),
  company: looseHash.optional(),
  individual: looseHash.optional(),
  settings: looseHash.optional(),
  capabilities: z.record(z.string(), z.strictObject({ requested: booleanParam })).optional(),
  external_account: bankAccountParam.optional(),
  tos_acceptance: z
    .strictObject({
      date: integerParam.optional(),
      ip: z.string().optional(),
      user_agent: z.string().optional(),
      service_agreement: z.enum(['full', 'recipient']).optional(),
    })
    .optional(),
  default_currency: z.string().optional(),
  metadata: metadataParam.optional(),
  expand: expandParam,
})

export const createAccount: Handler = (ctx, req) => {
  if (req.account) return failed(stripeErrors.invalidRequest('Connected accounts cannot create accounts.'))
  const parsed = parseParams(createAccountParams, req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const p = parsed.value
  // Only what ClaimPay uses is modelled: custom accounts in the US paid out to a US bank account.
  if (p.type !== 'custom') return rejected(stripeErrors.invalidParam('type', 'Only custom accounts are supported by this endpoint.'))
  if ((p.country ?? 'US').toUpperCase() !== 'US') return rejected(stripeErrors.invalidParam('country', 'Only US accounts are supported by this endpoint.'))

  const id = ctx.ids.next('acct', 16)
  let bank: ReturnType<typeof buildBankAccount> | null = null
  if (p.external_account) {
    bank = buildBankAccount(p.external_account, id, ctx.ids)
    if (!bank.ok) return rejected(bank.error)
  }
  const capabilities = Object.fromEntries(
    Object.entries(p.capabilities ?? {}).map(([name, c]) => [name, c.requested ? ('active' as const) : ('inactive' as const)]),
  )
  const currentlyDue = [...(bank ? [] : ['external_account']), ...(p.tos_acceptance?.date ? [] : ['tos_acceptance.date', 'tos_acceptance.ip'])]
  const account: AccountObject = {
    id,
    object: 'account',
    type: 'custom',
    country: 'US',
    email: p.email ?? null,
    business_type: p.business_type ?? null,
    business_profile: p.business_profile ?? {},
    capabilities,
    charges_enabled: capabilities.card_payments === 'active',
    payouts_enabled: bank !== null,
    details_submitted: currentlyDue.length === 0,
    created: ctx.clock.now(),
    default_currency: 'usd',
    external_accounts: { object: 'list', data: bank?.ok ? [bank.value.object] : [], has_more: false, url: `/v1/accounts/${id}/external_accounts` },
    metadata: p.metadata ?? {},
    requirements: { currently_due: currentlyDue, eventually_due: currentlyDue, past_due: [], disabled_reason: null },
    tos_acceptance: { date: p.tos_acceptance?.date ?? null, ip: p.tos_acceptance?.ip ?? null, user_agent: p.tos_acceptance?.user_agent ?? null },
  }
  const payoutFailureCode = bank?.ok ? (ctx.settings.failingAccountNumbers[bank.value.accountNumber] ?? null) : null
  ctx.store.accounts.set(id, { account, payoutFailureCode, available: 0 })
  return ok(account)
}

const retrieveParams = z.strictObject({ expand: expandParam })

export const retrieveAccount: Handler = (ctx, req) => {
  const parsed = parseParams(retrieveParams, req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const id = req.pathParams.id!
  const record = ctx.store.accounts.get(id)
  if (!record || (req.account && req.account !== id)) return failed(stripeErrors.resourceMissing('account', id))
  return ok(record.account)
}
