import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import worker from '../index'
import { ClaimWithTimeline } from '../contracts'
import { api, eventually, postJson, sampleClaim, testProvider } from '../test/api-client'

async function submit(provider: string, overrides = {}) {
  const res = await postJson('/claims', provider, sampleClaim(overrides))
  expect(res.status).toBe(202)
  return ((await res.json()) as { id: string }).id
}

async function claimOf(provider: string, id: string) {
  return ClaimWithTimeline.parse(await (await api(`/claims/${id}`, provider)).json())
}

async function settled(provider: string, id: string) {
  return eventually(async () => {
    const claim = await claimOf(provider, id)
    return ['submitted', 'rejected'].includes(claim.status) ? claim : null
  }, `claim ${id} to settle`)
}

async function rows(sql: string, ...params: unknown[]) {
  return (await env.DB.prepare(sql).bind(...params).all()).results
}

/** Delivers one batch to the Worker's queue handler, as the runtime would, and reports acks and retries. */
async function deliver(queue: string, bodies: unknown[]) {
  const batch = createMessageBatch(
    queue,
    bodies.map((body, i) => ({ id: `m-${crypto.randomUUID()}-${i}`, timestamp: new Date(), attempts: 1, body })),
  )
  const ctx = createExecutionContext()
  await worker.queue(batch, env, ctx)
  return getQueueResult(batch, ctx)
}

describe('the claim pipeline', () => {
  it('takes a good claim from received to submitted, paying billed minus the 5% cut once', async () => {
    const provider = testProvider()
    const id = await submit(provider)
    const claim = await settled(provider, id)
    expect(claim.status).toBe('submitted')
    expect(claim.events.map((e) => e.toStatus)).toEqual([
      'received', 'parsed', 'coded', 'scored', 'approved', 'payout_pending', 'paid', 'submitted',
    ])
    expect(claim.events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(claim.payoutCents).toBe(Math.floor((15_350 * 9_500) / 10_000))
    expect(claim.cutBps).toBe(500)

    const payouts = await rows('SELECT amount_cents, status, idempotency_key FROM payouts WHERE claim_id = ?', id)
    expect(payouts).toEqual([{ amount_cents: 14_582, status: 'sent', idempotency_key: `payout:${id}` }])
    const ledger = await rows('SELECT SUM(debit_cents) AS d, SUM(credit_cents) AS c, COUNT(DISTINCT journal_id) AS j FROM ledger_entries WHERE claim_id = ?', id)
    expect(ledger).toEqual([{ d: 15_350, c: 15_350, j: 1 }])
    // The payout journal: the claim bought at billed value, the payout out of the (platform) pool, the cut deferred.
    const lines = await rows('SELECT account, debit_cents, credit_cents, pool_id, payer_id, provider_id, journal_kind FROM ledger_entries WHERE claim_id = ? ORDER BY account', id)
    expect(lines).toEqual([
      { account: 'cut_revenue_deferred', debit_cents: 0, credit_cents: 15_350 - 14_582, pool_id: 'pool_platform', payer_id: null, provider_id: '', journal_kind: 'payout' },
      { account: 'funding_pool_cash', debit_cents: 0, credit_cents: 14_582, pool_id: 'pool_platform', payer_id: null, provider_id: '', journal_kind: 'payout' },
      { account: 'payer_receivable', debit_cents: 15_350, credit_cents: 0, pool_id: 'pool_platform', payer_id: claim.payer.id, provider_id: '', journal_kind: 'payout' },
    ])
    const submission = await env.FILES.get(`submissions/${provider}/${id}.json`)
    expect(submission).not.toBeNull()
  })

  it('rejects a claim with a header ICD-10 code, says why, and moves no money', async () => {
    const provider = testProvider()
    const id = await submit(provider, { diagnoses: ['E11', 'I10'] })
    const claim = await settled(provider, id)
    expect(claim.status).toBe('rejected')
    expect(claim.rejectReasons.map((r) => r.code)).toContain('icd10-not-billable')
    expect(await rows('SELECT id FROM payouts WHERE claim_id = ?', id)).toEqual([])
    expect(await rows('SELECT id FROM ledger_entries WHERE claim_id = ?', id)).toEqual([])
    await eventually(async () => (await rows('SELECT kind FROM notifications WHERE claim_id = ?', id)).length > 0, 'a notification')
  })

  it('declines same-day payment when the rule score is not above 80', async () => {
    const provider = testProvider()
    // Service two years ago: past timely filing for most payers, so the score falls below the threshold.
    const old = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10)
    const id = await submit(provider, { serviceDate: old })
    const claim = await settled(provider, id)
    expect(claim.status).toBe('rejected')
    expect(claim.score).toBeLessThanOrEqual(80)
    expect(claim.rejectReasons.map((r) => r.code)).toEqual(['score-below-threshold'])
    expect(await rows('SELECT id FROM payouts WHERE claim_id = ?', id)).toEqual([])
  })

  it('declines a claim whose payout after the cut would be nothing, instead of leaving it stuck', async () => {
    const provider = testProvider()
    const id = await submit(provider, { lines: [{ procedureCode: '99213', modifiers: [], units: 1, chargeCents: 1, diagnosisPointers: [1] }] })
    const claim = await settled(provider, id)
    expect(claim.status).toBe('rejected')
    expect(claim.rejectReasons.map((r) => r.code)).toEqual(['payout-below-minimum'])
    expect(await rows('SELECT id FROM payouts WHERE claim_id = ?', id)).toEqual([])
  })

  it('changes nothing when a step is delivered again after it is done', async () => {
    const provider = testProvider()
    const id = await submit(provider)
    await settled(provider, id)
    const before = await rows('SELECT COUNT(*) AS n FROM claim_events WHERE claim_id = ?', id)
    const ref = { claimId: id, providerId: provider }
    const results = await Promise.all([
      deliver('claims-pay', [{ step: 'pay', ...ref }, { step: 'pay', ...ref }]),
      deliver('claims-score', [{ step: 'score', ...ref }]),
      deliver('claims-ingest', [{ step: 'parse', ...ref }]),
    ])
    for (const result of results) expect(result.retryMessages).toEqual([])
    expect(results[0].explicitAcks).toHaveLength(2)
    expect(await rows('SELECT COUNT(*) AS n FROM claim_events WHERE claim_id = ?', id)).toEqual(before)
    expect(await rows('SELECT COUNT(*) AS n FROM payouts WHERE claim_id = ?', id)).toEqual([{ n: 1 }])
    expect(await rows('SELECT COUNT(DISTINCT journal_id) AS n FROM ledger_entries WHERE claim_id = ?', id)).toEqual([{ n: 1 }])
  })

  it('sends an unparseable message to the dead-letter queue without blocking its batch', async () => {
    const provider = testProvider()
    const id = await submit(provider)
    await settled(provider, id)
    const result = await deliver('claims-code', [{ nonsense: true }, { step: 'code', claimId: id, providerId: provider }])
    expect(result.retryMessages).toEqual([])
    expect(result.explicitAcks).toHaveLength(2)
    const letter = await eventually(
      async () => (await rows("SELECT queue, reason FROM dead_letters WHERE queue = 'claims-code' AND body LIKE '%nonsense%'"))[0],
      'the dead letter',
    )
    expect(letter).toMatchObject({ queue: 'claims-code' })
    expect(String(letter.reason)).toMatch(/^unparseable/)
  })

  it('dead-letters a message naming a claim that does not exist', async () => {
    const provider = testProvider()
    const ghost = 'clm_01JD0000000000000000000000'
    const result = await deliver('claims-score', [{ step: 'score', claimId: ghost, providerId: provider }])
    expect(result.explicitAcks).toHaveLength(1)
    await eventually(async () => (await rows('SELECT reason FROM dead_letters WHERE body LIKE ?', `%${ghost}%`))[0], 'the dead letter')
  })

  it('retries a message whose step fails instead of acknowledging it', async () => {
    const provider = testProvider()
    const id = await submit(provider)
    await settled(provider, id)
    // A payout record that disagrees with its claim cannot be sent: the step throws and is retried.
    await env.DB.prepare("UPDATE claims SET status = 'payout_pending' WHERE id = ?").bind(id).run()
    await env.DB.prepare('DELETE FROM payouts WHERE claim_id = ?').bind(id).run()
    const result = await deliver('claims-pay', [{ step: 'pay', claimId: id, providerId: provider }])
    expect(result.explicitAcks).toEqual([])
    expect(result.retryMessages).toHaveLength(1)
  })
})
