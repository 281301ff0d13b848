import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createD1ClaimStore } from '../claims'
import { newId } from '../ids'
import { createD1CutRules } from '../payments/d1/d1-cut-rules'
import type { PayoutRequest } from '../payments/payout-rail'
import { pipelineDeps } from '../platform/pipeline-deps'
import { api, sampleClaim, testProvider } from '../test/api-client'
import { CutNotDecided, payStep } from './pay-step'
import type { PipelineDeps } from './deps'

// The pay step decides the cut from the provider's rate and the rule version in force, and the payout
// row, its event and its amount all carry that decision.

const DAY_MS = 86_400_000
const today = () => new Date().toISOString().slice(0, 10)

type PayoutRow = { amount_cents: number; cut_bps: number; cut_rule_version: string | null; cut_explanation: string | null }

async function payoutOf(claimId: string) {
  return env.DB.prepare('SELECT amount_cents, cut_bps, cut_rule_version, cut_explanation FROM payouts WHERE claim_id = ?').bind(claimId).first<PayoutRow>()
}

async function pendingDetail(claimId: string) {
  const detail = await env.DB.prepare("SELECT detail FROM claim_events WHERE claim_id = ? AND to_status = 'payout_pending'").bind(claimId).first<string>('detail')
  return JSON.parse(detail!) as Record<string, unknown>
}

async function approvedClaim(provider: string, score: number) {
  const store = createD1ClaimStore(env.DB)
  const id = newId('clm')
  const at = new Date().toISOString()
  await store.insertClaims(provider, [{ id, input: sampleClaim() }], at)
  const moved = await store.commit((await store.findClaim(provider, id))!, [{ to: 'parsed', step: 'parse' }, { to: 'coded', step: 'code' }, { to: 'scored', step: 'score' }, { to: 'approved', step: 'score' }], { score }, {}, at)
  if (!moved.ok) throw new Error(`claim ${id} not approved: ${moved.reason}`)
  return moved.claim
}

/** Claims created `daysAgo` days back: the volume tiers count them. */
async function pastClaims(provider: string, count: number, daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY_MS).toISOString()
  await createD1ClaimStore(env.DB).insertClaims(provider, Array.from({ length: count }, () => ({ id: newId('clm'), input: sampleClaim() })), at)
}

function deps(overrides: Partial<PipelineDeps> = {}) {
  const sent: PayoutRequest[] = []
  const rail = { name: 'sandbox', send: async (r: PayoutRequest) => (sent.push(r), { ok: true as const, transferId: `tr_${r.claimId}` }) }
  return { d: { ...pipelineDeps(env), rail, pools: undefined, ...overrides } satisfies PipelineDeps, sent }
}

async function provider(cutBps?: number) {
  const id = testProvider()
  await api('/claims?limit=1', id)
  if (cutBps !== undefined) await env.DB.prepare('UPDATE providers SET cut_bps = ? WHERE id = ?').bind(cutBps, id).run()
  return id
}

describe('the cut on a payout', () => {
  it('under the built-in default: 500 bps for a provider at the default rate, as before the rules', async () => {
    const p = await provider()
    const claim = await approvedClaim(p, 88)
    const { d, sent } = deps()
    const paid = await payStep(d, claim)
    expect(paid.ok && paid.claim.status).toBe('paid')
    const expected = Math.floor((claim.billedCents * 9_500) / 10_000)
    expect(await payoutOf(claim.id)).toEqual({
      amount_cents: expected,
      cut_bps: 500,
      cut_rule_version: 'default',
      cut_explanation: 'default 500, volume 0-∞ claims +0, risk score 0-100 +0 = 500 bps (rules default)',
    })
    expect(sent.map((s) => s.amountCents)).toEqual([expected])
  })

  it("counts the provider's claims of the 30 days before today, not today's nor older ones", async () => {
    const p = await provider()
    await pastClaims(p, 3, 1)
    await pastClaims(p, 2, 29.5)
    await pastClaims(p, 4, 31)
    await approvedClaim(p, 90)
    expect(await createD1CutRules(env.DB).volume30d(p, new Date())).toBe(5)
    expect(await createD1CutRules(env.DB).volume30d(testProvider(), new Date())).toBe(0)
  })

  it('under a published version: the provider base rate adjusted by volume tier and risk band, recorded on the payout and its event', async () => {
    const added = await createD1CutRules(env.DB).append(
      {
        version: 'cut-test-1',
        effectiveFrom: today(),
        defaultCutBps: 600,
        minCutBps: 200,
        volumeTiers: [
          { minClaims: 0, maxClaims: 2, adjustBps: 0 },
          { minClaims: 3, maxClaims: null, adjustBps: -75 },
        ],
        riskBands: [
          { minScore: 0, maxScore: 89, adjustBps: 150 },
          { minScore: 90, maxScore: 100, adjustBps: -25 },
        ],
      },
      'ops@claimpay.dev',
      new Date(),
    )
    expect(added.ok).toBe(true)

    // A negotiated base of 450, three claims last week, a safe score: 450 - 75 - 25.
    const negotiated = await provider(450)
    await pastClaims(negotiated, 3, 7)
    const claim = await approvedClaim(negotiated, 96)
    const { d } = deps()
    await payStep(d, claim)
    const row = await payoutOf(claim.id)
    expect(row).toEqual({
      amount_cents: Math.floor((claim.billedCents * (10_000 - 350)) / 10_000),
      cut_bps: 350,
      cut_rule_version: 'cut-test-1',
      cut_explanation: 'provider rate 450, volume 3-∞ claims -75, risk score 90-100 -25 = 350 bps (rules cut-test-1)',
    })
    expect(await pendingDetail(claim.id)).toMatchObject({ amountCents: row!.amount_cents, cutBps: 350, cutRuleVersion: 'cut-test-1', cutExplanation: row!.cut_explanation })
    expect(await env.DB.prepare('SELECT cut_bps, payout_cents FROM claims WHERE id = ?').bind(claim.id).first()).toEqual({ cut_bps: 350, payout_cents: row!.amount_cents })

    // A provider at the default rate follows the version's default: 600 + 150 for a riskier score.
    const standard = await provider()
    const riskier = await approvedClaim(standard, 85)
    await payStep(d, riskier)
    expect(await payoutOf(riskier.id)).toMatchObject({ cut_bps: 750, cut_rule_version: 'cut-test-1', amount_cents: Math.floor((riskier.billedCents * 9_250) / 10_000) })
  })

  it('pays nothing when no cut can be decided: the claim stays approved and the error is typed for the queue', async () => {
    const p = await provider()
    const claim = await approvedClaim(p, 92)
    const { d, sent } = deps({ cutFor: async () => ({ ok: false, reason: 'no-rules-in-effect', message: 'no cut rule version is in effect on 1999-12-31' }) })
    const error = await payStep(d, claim).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CutNotDecided)
    expect(error).toMatchObject({ claimId: claim.id, reason: 'no-rules-in-effect' })
    expect(sent).toEqual([])
    expect(await payoutOf(claim.id)).toBeNull()
    expect((await createD1ClaimStore(env.DB).findClaim(p, claim.id))!.status).toBe('approved')
  })

  it('refuses a claim without a score rather than guessing one', async () => {
    const p = await provider()
    const claim = await approvedClaim(p, 92)
    const { d } = deps()
    await expect(payStep(d, { ...claim, score: null as unknown as number })).rejects.toMatchObject({ name: 'CutNotDecided', reason: 'invalid-score' })
    expect(await payoutOf(claim.id)).toBeNull()
  })
})
