import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startStripeLocal } from './server'
import { checkStateFile } from './state-format'
import { createProviderAccount, sdkFor } from './test-support'

const dir = mkdtempSync(join(tmpdir(), 'stripe-local-format-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A real file: one account with a transfer and a pending payout. */
async function writtenState(): Promise<Record<string, unknown> & { transfers: Array<{ destination: string }> }> {
  const path = join(dir, 'state.json')
  const server = await startStripeLocal({ stateFile: path, startTime: 1_800_000_000, platformBalance: 5_000 })
  const stripe = sdkFor(server)
  const account = await createProviderAccount(stripe)
  await stripe.transfers.create({ amount: 1_000, currency: 'usd', destination: account.id })
  await stripe.payouts.create({ amount: 1_000, currency: 'usd' }, { stripeAccount: account.id })
  await server.close()
  return JSON.parse(readFileSync(path, 'utf8'))
}

describe('checkStateFile', () => {
  it('accepts what the server writes, and refuses references to accounts it does not hold', async () => {
    const state = await writtenState()
    expect(checkStateFile(state).ok).toBe(true)
    state.transfers[0]!.destination = 'acct_1Unknown'
    expect(checkStateFile(state)).toEqual({ ok: false, reason: 'transfer ' + String((state.transfers[0] as { id?: string }).id) + ' to unknown account acct_1Unknown' })
  })

  it('names the version it reads when a file has another', () => {
    expect(checkStateFile({ format: 'stripe-local-state', version: 2 })).toEqual({
      ok: false,
      reason: 'it has format version 2, this server reads version 1',
    })
    expect(checkStateFile([])).toEqual({ ok: false, reason: 'it is not a stripe-local state file' })
  })
})
