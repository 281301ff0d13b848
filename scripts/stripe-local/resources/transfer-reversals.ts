import { z } from 'zod'
import type { Handler } from '../context'
import { stripeErrors } from '../errors'
import { paginate } from '../listing'
import type { TransferReversalObject } from '../objects'
import { amountParam, booleanParam, expandParam, listParams, metadataParam, parseParams } from '../params'
import { failed, ok, rejected } from '../reply'

const createReversalParams = z.strictObject({
  amount: amountParam.optional(),
  description: z.string().optional(),
  metadata: metadataParam.optional(),
  refund_application_fee: booleanParam.optional(),
  expand: expandParam,
})

/**
 * Pulls funds back from the connected account to the platform; without `amount`, whatever is left.
 * Refused when the connected account's available balance cannot cover it (see the README's limits).
 */
export const createTransferReversal: Handler = (ctx, req) => {
  const id = req.pathParams.id!
  const parsed = parseParams(createReversalParams, req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const transfer = ctx.store.transfers.get(id)
  if (!transfer || req.account) return failed(stripeErrors.resourceMissing('transfer', id))
  const remaining = transfer.amount - transfer.amount_reversed
  if (remaining === 0) return failed(stripeErrors.invalidRequest(`Transfer ${id} has already been fully reversed.`))
  const amount = parsed.value.amount ?? remaining
  if (amount > remaining) {
    return failed(stripeErrors.invalidParam('amount', `You cannot reverse more than the ${remaining} remaining on transfer ${id}.`))
  }
  const destination = ctx.store.accounts.get(transfer.destination)!
  if (destination.available < amount) {
    return failed(stripeErrors.balanceInsufficient('The destination account does not have enough available funds to reverse this transfer.'))
  }
  const reversal: TransferReversalObject = {
    id: ctx.ids.next('trr'),
    object: 'transfer_reversal',
    amount,
    balance_transaction: ctx.ids.next('txn'),
    created: ctx.clock.now(),
    currency: transfer.currency,
    destination_payment_refund: ctx.ids.next('pyr'),
    metadata: parsed.value.metadata ?? {},
    source_refund: null,
    transfer: id,
  }
  destination.available -= amount
  ctx.store.platformAvailable += amount
  ctx.store.reversals.set(reversal.id, reversal)
  transfer.amount_reversed += amount
  transfer.reversed = transfer.amount_reversed === transfer.amount
  transfer.reversals = { ...transfer.reversals, data: [reversal, ...transfer.reversals.data] }
  // Stripe sends transfer.reversed for partial reversals too.
  ctx.events.emit('transfer.reversed', transfer, null, { requestId: req.requestId, idempotencyKey: req.idempotencyKey })
  return ok(reversal)
}

export const listTransferReversals: Handler = (ctx, req) => {
  const id = req.pathParams.id!
  const parsed = parseParams(z.strictObject(listParams), req.params)
  if (!parsed.ok) return rejected(parsed.error)
  const transfer = ctx.store.transfers.get(id)
  if (!transfer || req.account) return failed(stripeErrors.resourceMissing('transfer', id))
  return ok(paginate(transfer.reversals.data, parsed.value, `/v1/transfers/${id}/reversals`))
}
