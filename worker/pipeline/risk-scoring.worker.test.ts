import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { ClaimWithTimeline, RiskModel } from '../contracts'
import { api, eventually, postJson, sampleClaim, testProvider } from '../test/api-client'
import { lineFixture } from '../test/claim-fixture'
import { seedHistory } from '../test/history-fixture'
import { adminCall } from '../test/identity-helpers'

async function submit(provider: string, overrides = {}) {
  const res = await postJson('/claims', provider, sampleClaim(overrides))
  expect(res.status).toBe(202)
  return ((await res.json()) as { id: string }).id
}

const claimOf = async (provider: string, id: string) => ClaimWithTimeline.parse(await (await api(`/claims/${id}`, provider)).json())

const settled = (provider: string, id: string) =>
  eventually(async () => {
    const claim = await claimOf(provider, id)
    return ['submitted', 'rejected'].includes(claim.status) ? claim : null
  }, `claim ${id} to settle`)

describe('scoring claims with the active risk model', () => {
  let version = 0
  beforeAll(async () => {
    await seedHistory({ seed: 21, claimsPerDay: 14, from: '2025-01-01', to: '2026-09-30' })
    const res = await adminCall('/admin/risk/models/train', { method: 'POST', json: { autoPromote: true, params: { trees: 80 } } })
    const run = RiskModel.parse(await res.json())
    const active = await eventually(async () => {
      const model = RiskModel.parse(await (await adminCall(`/admin/risk/models/${run.id}`)).json())
      return model.state === 'training' ? null : model
    }, 'the first model')
    expect(active.state).toBe('active')
    version = active.version
  })

  it('scores a clean claim with the model, records the version and pays it', async () => {
    const provider = testProvider()
    const claim = await settled(provider, await submit(provider))
    expect(claim.status).toBe('submitted')
    expect(claim.riskModelVersion).toBe(version)
    expect(claim.score).toBeGreaterThan(80)
    const scored = claim.events.find((e) => e.toStatus === 'scored')
    expect(scored?.detail).toMatchObject({ engine: 'gbdt', modelVersion: version })
  })

  it('sends a claim held back by its coding to the coder a bounded number of times, then rejects it with the reasons', async () => {
    const provider = testProvider()
    // An office visit with a same-day joint injection and no modifier 25: the engine's payers deny these.
    const id = await submit(provider, { lines: [lineFixture('99214'), lineFixture('20610', { chargeCents: 12_000 })] })
    const claim = await settled(provider, id)
    expect(claim.status).toBe('rejected')
    expect(claim.score).toBeLessThanOrEqual(80)
    expect(claim.scoreReasons.map((r) => r.code)).toContain('risk.modifier_25_missing')
    expect(claim.scoreReasons.find((r) => r.code === 'risk.modifier_25_missing')?.message).toContain('without modifier 25')
    const path = claim.events.map((e) => e.toStatus)
    expect(path.filter((s) => s === 'needs_recode')).toHaveLength(3)
    expect(path.at(-1)).toBe('rejected')
    const signals = await env.DB.prepare('SELECT model_version, reasons FROM coder_signals WHERE claim_id = ?').bind(id).all<{ model_version: number; reasons: string }>()
    expect(signals.results).toHaveLength(3)
    expect(signals.results.every((s) => s.model_version === version && s.reasons.includes('risk.modifier_25_missing'))).toBe(true)
    const payouts = await env.DB.prepare('SELECT count(*) AS n FROM payouts WHERE claim_id = ?').bind(id).first('n')
    expect(payouts).toBe(0)
  })
})
