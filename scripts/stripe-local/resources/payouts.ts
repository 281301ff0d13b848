import { z } from 'zod'
import type { Handler } from '../context'
import { stripeErrors } from '../errors'
import { newestFirst, paginate } from '../listing'
import type { PayoutObject } from '../objects'
import { amountParam, currencyParam, expandParam, listParams, metadataParam, parseParams } from '../params'
import { failed, ok, rejected } from '../reply'

const createPayoutParams = z.strictObject({
  amount: amountParam,
  currency: currencyParam,
  method: z.enum(['standard', 'instant']).optional(),
  description: z.string().optional(),
  destination: z.string().optional(),
  statement_descriptor: z.string().max(22, { message: 'Statement descriptors must be at most 22 characters.' }).optional(),
  source_type: z.enum(['card', 'bank_account', 'fpx']).optional(),
  metadata: metadataParam.optional(),
  expand: expandParam,
})

/**
 * A payout from a connected account (Stripe-Account) to its bank account. The amount leaves the
 * account's available balance now; the payout stays pending until its arrival date, then pays or fails.
 */
export const createPayout: Handler = (ctx, req) => {
  const parsed = parseParams(createPayoutParams, req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const p = parsed.value
  if (!req.account) return failed(stripeErrors.invalidRequest('The platform has no external account in usd on this endpoint; send payouts as a connected account (Stripe-Account).'))
  const record = ctx.store.accounts.get(req.account)!
  const bank = record.account.external_accounts.data[0]
  if (!bank) return failed(stripeErrors.invalidRequest('This account has no external account in usd to pay out to.'))
  if (p.method === 'instant') return failed(stripeErrors.invalidParam('method', 'Instant payouts are not supported by this endpoint.'))
  if (p.destination !== undefined && p.destination !== bank.id) {
    return failed(stripeErrors.invalidParam('destination', `No such external account: '${p.destination}'`, 'resource_missing'))
  }
  if (record.available < p.amount) {
    return failed(
      stripeErrors.balanceInsufficient(
        'You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance.',
      ),
    )
  }
  const created = ctx.clock.now()
  const payout: PayoutObject = {
    id: ctx.ids.next('po'),
    object: 'payout',
    amount: p.amount,
    arrival_date: created + ctx.settings.payoutArrivalSeconds,
    automatic: false,
    balance_transaction: ctx.ids.next('txn'),
    created,
    currency: p.currency,
    description: p.description ?? null,
    destination: bank.id,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: p.metadata ?? {},
    method: 'standard',
    original_payout: null,
    reconciliation_status: 'not_applicable',
    reversed_by: null,
    source_type: 'card',
    statement_descriptor: p.statement_descriptor ?? null,
    status: 'pending',
    type: 'bank_account',
  }
  record.available -= p.amount
  const failWith = ctx.store.nextPayoutFailures.shift() ?? record.payoutFailureCode
  ctx.store.payouts.set(payout.id, { payout, account: req.account, failWith })
  ctx.events.emit('payout.created', payout, req.account, { requestId: req.requestId, idempotencyKey: req.idempotencyKey })
  return ok(payout)
}

const retrieveParams = z.strictObject({ expand: expandParam })

export const retrievePayout: Handler = (ctx, req) => {
  const parsed = parseParams(retrieveParams, req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const id = req.pathParams.id!
  const record = ctx.store.payouts.get(id)
  // A payout lives on its connected account: the platform (or another account) cannot see it.
  if (!record || record.account !== req.account) return failed(stripeErrors.resourceMissing('payout', id))
  return ok(record.payout)
}

const listPayoutParams = z.strictObject({
  ...listParams,
  status: z.enum(['pending', 'paid', 'failed', 'canceled', 'in_transit']).optional(),
  destination: z.string().optional(),
})

export const listPayouts: Handler = (ctx, req) => {
  const parsed = parseParams(listPayoutParams, req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const p = parsed.value
  const mine = newestFirst(ctx.store.payouts.values())
    .filter((r) => r.account === req.account)
    .map((r) => r.payout)
    .filter((po) => (p.status === undefined || po.status === p.status) && (p.destination === undefined || po.destination === p.destination))
  return ok(paginate(mine, p, '/v1/payouts'))
}

export const cancelPayout: Handler = (ctx, req) => {
  const parsed = parseParams(z.strictObject({ expand: expandParam }), req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const id = req.pathParams.id!
  const record = ctx.store.payouts.get(id)
  if (!record || record.account !== req.account) return failed(stripeErrors.resourceMissing('payout', id))
  if (record.payout.status !== 'pending') {
    return failed(stripeErrors.invalidRequest(`Payouts can only be canceled while they are pending; ${id} is ${record.payout.status}.`))
  }
  record.payout.status = 'canceled'
  const account = ctx.store.accounts.get(record.account)
  if (account) account.available += record.payout.amount
  ctx.events.emit('payout.canceled', record.payout, record.account, { requestId: req.requestId, idempotencyKey: req.idempotencyKey })
  return ok(record.payout)
}
