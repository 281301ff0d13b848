import type { Handler } from './context'
import { createAccount, retrieveAccount } from './resources/accounts'
import { retrieveBalance } from './resources/balance'
import { cancelPayout, createPayout, listPayouts, retrievePayout } from './resources/payouts'
import { createTransferReversal, listTransferReversals } from './resources/transfer-reversals'
import { createTransfer, listTransfers, retrieveTransfer } from './resources/transfers'

type Route = { method: 'GET' | 'POST'; segments: string[]; handler: Handler }

function route(method: Route['method'], pattern: string, handler: Handler): Route {
  return { method, segments: pattern.split('/').filter(Boolean), handler }
}

/** Exactly the calls ClaimPay makes; anything else is a 404 as an unknown Stripe URL would be. */
const ROUTES: Route[] = [
  route('POST', '/v1/accounts', createAccount),
  route('GET', '/v1/accounts/:id', retrieveAccount),
  route('POST', '/v1/transfers', createTransfer),
  route('GET', '/v1/transfers', listTransfers),
  route('GET', '/v1/transfers/:id', retrieveTransfer),
  route('POST', '/v1/transfers/:id/reversals', createTransferReversal),
  route('GET', '/v1/transfers/:id/reversals', listTransferReversals),
  route('POST', '/v1/payouts', createPayout),
  route('GET', '/v1/payouts', listPayouts),
  route('GET', '/v1/payouts/:id', retrievePayout),
  route('POST', '/v1/payouts/:id/cancel', cancelPayout),
  route('GET', '/v1/balance', retrieveBalance),
]

export type RouteMatch = { handler: Handler; pathParams: Record<string, string> }

export function matchRoute(method: string, path: string): RouteMatch | null {
  const parts = path.split('/').filter(Boolean)
  for (const r of ROUTES) {
    if (r.method !== method || r.segments.length !== parts.length) continue
    const pathParams: Record<string, string> = {}
    const matched = r.segments.every((seg, i) => {
      const part = decodeURIComponent(parts[i]!)
      if (seg.startsWith(':')) {
        pathParams[seg.slice(1)] = part
        return part.length > 0
      }
      return seg === part
    })
    if (matched) return { handler: r.handler, pathParams }
  }
  return null
}
