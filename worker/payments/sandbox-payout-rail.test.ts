import { describe, expect, it } from 'vitest'
import { SandboxPayoutRail } from './sandbox-payout-rail'

const request = { idempotencyKey: 'clm_1:pay', amountCents: 9_500, providerId: 'prv_1', claimId: 'clm_1' }

describe('SandboxPayoutRail', () => {
  it('returns the same transfer for a replayed request, even on another instance', async () => {
    const first = await new SandboxPayoutRail().send(request)
    const rail = new SandboxPayoutRail()
    const second = await rail.send(request)
    const third = await rail.send(request)
    expect(first).toEqual(second)
    expect(second).toEqual(third)
    expect(first.ok && first.transferId).toMatch(/^sbx_tr_[0-9a-f]{64}$/)
    expect(rail.name).toBe('sandbox')
  })

  it('gives different keys different transfers', async () => {
    const rail = new SandboxPayoutRail()
    const a = await rail.send(request)
    const b = await rail.send({ ...request, idempotencyKey: 'clm_2:pay', claimId: 'clm_2' })
    expect(a.ok && b.ok && a.transferId !== b.transferId).toBe(true)
  })

  it('refuses a reused key for a different payout, and invalid amounts', async () => {
    const rail = new SandboxPayoutRail()
    await rail.send(request)
    expect(await rail.send({ ...request, amountCents: 9_501 })).toEqual({ ok: false, reason: 'idempotency-key-reused' })
    expect(await rail.send({ ...request, idempotencyKey: 'k2', amountCents: 0 })).toEqual({ ok: false, reason: 'invalid-amount' })
  })
})
