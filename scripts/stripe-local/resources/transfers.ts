import { z } from 'zod'
import type { Handler } from '../context'
import { stripeErrors } from '../errors'
import { newestFirst, paginate } from '../listing'
import type { TransferObject } from '../objects'
import { amountParam, currencyParam, expandParam, listParams, metadataParam, parseParams } from '../params'
import { failed, ok, rejected } from '../reply'

const createTransferParams = z.strictObject({
  amount: amountParam,
  currency: currencyParam,
  destination: z.string(),
  transfer_group: z.string().optional(),
  description: z.string().optional(),
  metadata: metadataParam.optional(),
  expand: expandParam,
})

/** Moves funds from the platform's available balance to a connected account's, where they are available at once. */
export const createTransfer: Handler = (ctx, req) => {
  if (req.account) return failed(stripeErrors.invalidRequest('Only the platform can create transfers on this endpoint.'))
  const parsed = parseParams(createTransferParams, req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const p = parsed.value
  const destination = ctx.store.accounts.get(p.destination)
  if (!destination) return failed(stripeErrors.invalidParam('destination', `No such destination: '${p.destination}'`, 'resource_missing'))
  if (destination.account.capabilities.transfers !== 'active') {
    return failed(
      stripeErrors.invalidParam(
        'destination',
        'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
        'insufficient_capabilities_for_transfer',
      ),
    )
  }
  if (ctx.store.platformAvailable < p.amount) {
    return failed(
      stripeErrors.balanceInsufficient(
        'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance.',
      ),
    )
  }
  const id = ctx.ids.next('tr')
  const transfer: TransferObject = {
    id,
    object: 'transfer',
    amount: p.amount,
    amount_reversed: 0,
    balance_transaction: ctx.ids.next('txn'),
    created: ctx.clock.now(),
    currency: p.currency,
    description: p.description ?? null,
    destination: p.destination,
    destination_payment: ctx.ids.next('py'),
    livemode: false,
    metadata: p.metadata ?? {},
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
    reversed: false,
    source_transaction: null,
    source_type: 'card',
    transfer_group: p.transfer_group ?? null,
  }
  ctx.store.platformAvailable -= p.amount
  destination.available += p.amount
  ctx.store.transfers.set(id, transfer)
  ctx.events.emit('transfer.created', transfer, null, { requestId: req.requestId, idempotencyKey: req.idempotencyKey })
  return ok(transfer)
}

const retrieveParams = z.strictObject({ expand: expandParam })

export const retrieveTransfer: Handler = (ctx, req) => {
  const parsed = parseParams(retrieveParams, req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const id = req.pathParams.id!
  const transfer = ctx.store.transfers.get(id)
  if (!transfer || req.account) return failed(stripeErrors.resourceMissing('transfer', id))
  return ok(transfer)
}

const listTransferParams = z.strictObject({
  ...listParams,
  transfer_group: z.string().optional(),
  destination: z.string().optional(),
})

export const listTransfers: Handler = (ctx, req) => {
  const parsed = parseParams(listTransferParams, req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const p = parsed.value
  // Transfers belong to the platform that sent them: a connected account sees none of them here.
  const all = req.account ? [] : newestFirst(ctx.store.transfers.values())
  const matching = all.filter(
    (t) => (p.transfer_group === undefined || t.transfer_group === p.transfer_group) && (p.destination === undefined || t.destination === p.destination),
  )
  return ok(paginate(matching, p, '/v1/transfers'))
}
