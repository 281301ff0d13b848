import { env } from 'cloudflare:test'
import { createD1ClaimStore } from '../../claims'
import { newId } from '../../ids'
import { api, sampleClaim } from '../../test/api-client'
import { payoutFailureMessage } from '../payout-failure-message'

/** The sample claim's payout at a 5% cut. */
export const SAMPLE_PAYOUT_CENTS = 14_582

/** A claim parked as the pay step parks it when no pool can cover its payout (tests only). */
export async function claimWaitingForFunds(provider: string): Promise<string> {
  const store = createD1ClaimStore(env.DB)
  const id = newId('clm')
  const at = new Date().toISOString()
  await api('/claims?limit=1', provider)
  await store.insertClaims(provider, [{ id, input: sampleClaim() }], at)
  const payoutId = newId('pay')
  const moved = await store.commit(
    (await store.findClaim(provider, id))!,
    [{ to: 'parsed', step: 'parse' }, { to: 'coded', step: 'code' }, { to: 'scored', step: 'score' }, { to: 'approved', step: 'score' }, { to: 'payout_pending', step: 'pay' }],
    { score: 95, cutBps: 500 },
    { payoutRequested: { payoutId, amountCents: SAMPLE_PAYOUT_CENTS, cutBps: 500, rail: 'sandbox', idempotencyKey: `payout:${id}` } },
    at,
  )
  if (!moved.ok) throw new Error(`claim ${id} could not be parked: ${moved.reason}`)
  await store.recordPayoutWait(moved.claim, payoutId, { code: 'no-pool-with-funds', message: payoutFailureMessage('no-pool-with-funds') }, at)
  return id
}
