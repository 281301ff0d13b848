import { z } from 'zod'
import type { Handler } from '../context'
import type { BalanceObject } from '../objects'
import { expandParam, parseParams } from '../params'
import { ok, rejected } from '../reply'

const usd = (amount: number) => [{ amount, currency: 'usd', source_types: { card: amount } }]

/** Everything here settles at once, so `pending` is always zero; the platform also reports connect_reserved. */
export const retrieveBalance: Handler = (ctx, req) => {
  const parsed = parseParams(z.strictObject({ expand: expandParam }), req.params)
  if (!parsed.ok) return rejected(parsed.error)
  if (req.account) {
    const record = ctx.store.accounts.get(req.account)!
    const balance: BalanceObject = { object: 'balance', available: usd(record.available), pending: usd(0), livemode: false }
    return ok(balance)
  }
  const balance: BalanceObject = {
    object: 'balance',
    available: usd(ctx.store.platformAvailable),
    pending: usd(0),
    connect_reserved: usd(0),
    livemode: false,
  }
  return ok(balance)
}
