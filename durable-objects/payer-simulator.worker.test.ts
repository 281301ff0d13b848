import { createExecutionContext, createMessageBatch, env, getQueueResult, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ClaimWithTimeline } from '../worker/contracts'
import { loadKeyring } from '../worker/identity'
import { PendingClaim } from '../worker/payers/simulator'
import worker from '../worker/index'
import { read277CA, read835, read837, write835 } from '../worker/payers/x12'
import { sealedFiles } from '../worker/platform/sealed-files'
import { api, eventually, postJson, sampleClaim, testProvider } from '../worker/test/api-client'
import type { PayerSimulator } from './payer-simulator'

const stubOf = (payerId: string) => env.PAYER_SIMULATOR.get(env.PAYER_SIMULATOR.idFromName(payerId))
const files = async () => sealedFiles(env.FILES, await loadKeyring(env))
const patient = { firstName: 'Ana', lastName: 'Diaz', dateOfBirth: '1970-02-03', sex: 'F' as const, memberId: 'W123456789' }

async function rows(sql: string, ...params: unknown[]) {
  return (await env.DB.prepare(sql).bind(...params).all()).results
}

/** Delivers one batch to the Worker's queue handler, as the runtime would. */
async function deliver(queue: string, bodies: unknown[]) {
  const batch = createMessageBatch(queue, bodies.map((body, i) => ({ id: `m-${crypto.randomUUID()}-${i}`, timestamp: new Date(), attempts: 1, body })))
  const ctx = createExecutionContext()
  await worker.queue(batch, env, ctx)
  return getQueueResult(batch, ctx)
}

/** Journals of a claim whose debits and credits differ (none, in a sound ledger). */
async function unbalancedJournals(claimId: string) {
  return rows('SELECT journal_id FROM ledger_entries WHERE journal_id IN (SELECT journal_id FROM ledger_entries WHERE claim_id = ?) GROUP BY journal_id HAVING SUM(debit_cents) <> SUM(credit_cents)', claimId)
}

/** Each account's debits less credits over a claim's lines. */
async function netByAccount(claimId: string): Promise<Record<string, number>> {
  const net = await rows('SELECT account, SUM(debit_cents) - SUM(credit_cents) AS net FROM ledger_entries WHERE claim_id = ? GROUP BY account', claimId)
  return Object.fromEntries(net.map((r) => [String(r.account), Number(r.net)]))
}

/** A paid claim waiting for its payer (submitted), through the real pipeline. */
async function submittedClaim() {
  const provider = testProvider()
  const res = await postJson('/claims', provider, sampleClaim({ patient }))
  expect(res.status).toBe(202)
  const { id } = (await res.json()) as { id: string }
  const claim = await eventually(async () => {
    const c = ClaimWithTimeline.parse(await (await api(`/claims/${id}`, provider)).json())
    return ['submitted', 'rejected'].includes(c.status) ? c : null
  }, 'the claim to be submitted')
  expect(claim.status).toBe('submitted')
  return { provider, claim }
}

/** An 835 from the claim's payer answering for it alone, stored where the payer-remit consumer reads it. */
async function remitFor(claim: ClaimWithTimeline, payment: { statusCode: string; paidCents: number; adjustments: { group: 'CO' | 'PR'; reason: string; amountCents: number }[] }) {
  const trace = `8${crypto.randomUUID().replaceAll('-', '').replace(/\D/g, '').slice(0, 8)}`
  const envelope = { senderId: claim.payer.id, receiverId: 'CLAIMPAY', interchangeControlNumber: '000000002', groupControlNumber: '2', transactionControlNumber: '0002', implementationGuide: '005010X221A1', createdAt: new Date().toISOString(), usage: 'T' as const }
  const patientShare = payment.adjustments.filter((a) => a.group === 'PR').reduce((s, a) => s + a.amountCents, 0)
  const written = write835({
    envelope,
    paymentCents: payment.paidCents,
    paymentMethod: 'ACH',
    paymentDate: new Date().toISOString().slice(0, 10),
    traceNumber: trace,
    payer: { entityType: '2', lastOrOrganizationName: 'PAYER', idQualifier: 'PI', id: claim.payer.id },
    payee: { entityType: '2', lastOrOrganizationName: 'PROVIDER', idQualifier: 'XX', id: '1234567893' },
    claims: [{ claimId: claim.id, statusCode: payment.statusCode, chargeCents: claim.billedCents, paidCents: payment.paidCents, patientResponsibilityCents: patientShare, payerClaimControlNumber: `T${trace}`, adjustments: payment.adjustments, services: [] }],
    providerAdjustments: [],
  })
  if (!written.ok) throw new Error(written.message)
  const key = `remittances/${claim.payer.id}/${trace}.835`
  await (await files()).put(key, written.text, 'application/edi-x12')
  return { step: 'remit', payerId: claim.payer.id, traceNumber: trace, fileKey: key }
}

/** The payer's clock, moved on: every pending claim becomes due now. */
async function makeDue(stub: ReturnType<typeof stubOf>) {
  await runInDurableObject(stub, async (_: PayerSimulator, state) => {
    for (const [key, value] of await state.storage.list({ prefix: 'pending:' })) await state.storage.put(key, { ...PendingClaim.parse(value), dueAt: Date.now() - 1 })
  })
}

describe('PayerSimulator', () => {
  it('receives the 837P of a paid claim, adjudicates it on its alarm and stores a balanced 835 for it', async () => {
    const { provider, claim } = await submittedClaim()
    const { id } = claim

    // The stored 837 is sealed, and reads back as a valid 837P naming the claim in CLM01.
    const raw = await env.FILES.get(`submissions/${provider}/${id}.837`)
    expect(new TextDecoder().decode(await raw!.arrayBuffer())).not.toContain('DIAZ')
    const text = await (await files()).getText(`submissions/${provider}/${id}.837`)
    const read = read837(text!)
    expect(read.issues).toEqual([])
    expect(read.claims).toHaveLength(1)
    expect(read.claims[0]).toMatchObject({ kind: '837P', claimId: id, totalChargeCents: claim.billedCents, subscriber: { id: 'W123456789' } })

    const stub = stubOf(claim.payer.id)
    expect((await stub.pending()).map((p) => p.claimId)).toContain(id)
    await makeDue(stub)
    expect(await runDurableObjectAlarm(stub)).toBe(true)
    expect((await stub.pending()).map((p) => p.claimId)).not.toContain(id)

    const listed = await env.FILES.list({ prefix: `remittances/${claim.payer.id}/` })
    const remittances = await Promise.all(listed.objects.map(async (o) => read835((await (await files()).getText(o.key))!)))
    const mine = remittances.flatMap((r) => r.remittances).find((r) => r.claims.some((c) => c.claimId === id))
    expect(mine).toBeDefined()
    const payment = mine!.claims.find((c) => c.claimId === id)!
    expect(payment.chargeCents).toBe(claim.billedCents)
    expect(payment.paidCents + payment.adjustments.length).toBeGreaterThanOrEqual(0)
    expect(mine!.paymentCents).toBe(mine!.claims.reduce((s, c) => s + c.paidCents, 0))

    // The payer-remit consumer posts it: the claim is adjudicated with the payer's figures, its outcome is
    // history, and its ledger journal settles it (reconciled) in the same commit.
    const reconciled = await eventually(async () => {
      const c = ClaimWithTimeline.parse(await (await api(`/claims/${id}`, provider)).json())
      return c.status === 'reconciled' ? c : null
    }, 'the claim to be reconciled')
    expect(reconciled.events.slice(-2)).toMatchObject([
      { fromStatus: 'submitted', toStatus: 'adjudicated', step: 'remit' },
      { fromStatus: 'adjudicated', toStatus: 'reconciled', step: 'remit' },
    ])
    expect(await unbalancedJournals(id)).toEqual([])
    expect(await rows('SELECT journal_kind FROM ledger_entries WHERE claim_id = ? GROUP BY journal_id ORDER BY MIN(rowid)', id)).toEqual([
      { journal_kind: 'payout' },
      { journal_kind: expect.stringMatching(/^(reimbursement-full|reimbursement-partial|denial-write-off)$/) },
    ])
    // Whatever the payer decided, the receivable and the deferred cut are gone.
    expect(await netByAccount(id)).toMatchObject({ payer_receivable: 0, cut_revenue_deferred: 0 })
    const remitted = await rows('SELECT paid_cents, patient_responsibility_cents, charge_cents, outcome, trace_number FROM claim_remittances WHERE claim_id = ?', id)
    expect(remitted).toEqual([{ paid_cents: payment.paidCents, patient_responsibility_cents: payment.patientResponsibilityCents, charge_cents: claim.billedCents, outcome: expect.any(String), trace_number: mine!.traceNumber }])
    const history = await rows("SELECT outcome, paid_cents, billed_cents, cpt_codes, patient_sex, patient_key FROM claim_history WHERE provider_id = ? AND scenario = 'claimpay'", provider)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ paid_cents: payment.paidCents, billed_cents: claim.billedCents, patient_sex: 'F' })
    expect(history[0]!.patient_key).toEqual(expect.any(String))
    expect(history[0]!.patient_key).not.toContain('W123456789')

    // The same 835 delivered again posts nothing: it lands on the reconciliation list once.
    const message = { step: 'remit', payerId: claim.payer.id, traceNumber: mine!.traceNumber, fileKey: listed.objects.find((o) => o.key.includes(mine!.traceNumber))!.key }
    await eventually(async () => (await rows('SELECT id FROM remittance_files WHERE payer_id = ? AND trace_number = ?', claim.payer.id, mine!.traceNumber)).length === 1, 'the 835 to be marked posted')
    for (let i = 0; i < 2; i++) expect((await deliver('payer-remit', [message])).explicitAcks).toHaveLength(1)
    expect(await rows('SELECT COUNT(*) AS n FROM claim_remittances WHERE claim_id = ?', id)).toEqual([{ n: 1 }])
    expect(await rows('SELECT COUNT(DISTINCT journal_id) AS n FROM ledger_entries WHERE claim_id = ?', id)).toEqual([{ n: 2 }])
    expect(await rows("SELECT COUNT(*) AS n FROM claim_history WHERE provider_id = ? AND scenario = 'claimpay'", provider)).toEqual([{ n: 1 }])
    expect(await rows("SELECT kind FROM reconciliation_items WHERE payer_id = ? AND trace_number = ?", claim.payer.id, mine!.traceNumber)).toEqual([{ kind: 'duplicate-remittance' }])

    // The same claim sent again is not adjudicated twice.
    expect(await stub.submit({ payerId: claim.payer.id, claimId: id, fileKey: `submissions/${provider}/${id}.837` })).toMatchObject({ ok: true, status: 'already-received' })
    expect((await stub.pending()).map((p) => p.claimId)).not.toContain(id)
  })

  it('settles a claim paid in full: the receivable clears, the cut is earned, the pool gets its payout back with the cut', async () => {
    const { provider, claim } = await submittedClaim()
    const message = await remitFor(claim, { statusCode: '1', paidCents: claim.billedCents, adjustments: [] })
    for (let i = 0; i < 2; i++) expect((await deliver('payer-remit', [message])).explicitAcks).toHaveLength(1)
    const after = ClaimWithTimeline.parse(await (await api(`/claims/${claim.id}`, provider)).json())
    expect(after.status).toBe('reconciled')
    expect(after.events.filter((e) => e.toStatus === 'reconciled')).toHaveLength(1)
    const cut = claim.billedCents - claim.payoutCents!
    expect(await unbalancedJournals(claim.id)).toEqual([])
    expect(await netByAccount(claim.id)).toEqual({ payer_receivable: 0, cut_revenue_deferred: 0, cut_revenue: -cut, funding_pool_cash: cut })
    expect(await rows('SELECT journal_kind FROM ledger_entries WHERE claim_id = ? GROUP BY journal_id ORDER BY MIN(rowid)', claim.id)).toEqual([{ journal_kind: 'payout' }, { journal_kind: 'reimbursement-full' }])
  })

  it('writes a denied claim off: the payout is a loss and the deferred cut is reversed, not earned', async () => {
    const { provider, claim } = await submittedClaim()
    const message = await remitFor(claim, { statusCode: '4', paidCents: 0, adjustments: [{ group: 'CO', reason: '50', amountCents: claim.billedCents }] })
    for (let i = 0; i < 2; i++) expect((await deliver('payer-remit', [message])).explicitAcks).toHaveLength(1)
    const after = ClaimWithTimeline.parse(await (await api(`/claims/${claim.id}`, provider)).json())
    expect(after.status).toBe('reconciled')
    expect(await unbalancedJournals(claim.id)).toEqual([])
    expect(await netByAccount(claim.id)).toEqual({ payer_receivable: 0, cut_revenue_deferred: 0, losses: claim.payoutCents, funding_pool_cash: -claim.payoutCents! })
    expect(await rows("SELECT COUNT(*) AS n FROM ledger_entries WHERE claim_id = ? AND account = 'cut_revenue'", claim.id)).toEqual([{ n: 0 }])
    expect(await rows('SELECT journal_kind FROM ledger_entries WHERE claim_id = ? GROUP BY journal_id ORDER BY MIN(rowid)', claim.id)).toEqual([{ journal_kind: 'payout' }, { journal_kind: 'denial-write-off' }])
  })

  it('rejects a malformed 837 with a 277CA and keeps nothing to adjudicate', async () => {
    const payerId = `P${crypto.randomUUID().slice(0, 8)}`
    const key = `submissions/test/${payerId}.837`
    await (await files()).put(key, 'ISA*00*broken~GS*HC~ST*837*0001~CLM*X~', 'application/edi-x12')
    const stub = stubOf(payerId)
    const answer = await stub.submit({ payerId, claimId: 'clm_malformed', fileKey: key })
    expect(answer).toMatchObject({ ok: false, reason: 'malformed-837' })
    if (answer.ok) return
    expect(read277CA(answer.ack277ca).ok).toBe(true)
    expect(await (await files()).getText(`acknowledgements/${payerId}/clm_malformed.277`)).toBe(answer.ack277ca)
    expect(await stub.pending()).toEqual([])
  })

  it('puts an 835 for a claim ClaimPay does not hold on the reconciliation list and posts nothing', async () => {
    const trace = `9${crypto.randomUUID().replaceAll('-', '').replace(/\D/g, '').slice(0, 8)}`
    const envelope = { senderId: '60054', receiverId: 'CLAIMPAY', interchangeControlNumber: '000000001', groupControlNumber: '1', transactionControlNumber: '0001', implementationGuide: '005010X221A1', createdAt: new Date().toISOString(), usage: 'T' as const }
    const written = write835({
      envelope,
      paymentCents: 5_000,
      paymentMethod: 'ACH',
      paymentDate: new Date().toISOString().slice(0, 10),
      traceNumber: trace,
      payer: { entityType: '2', lastOrOrganizationName: 'AETNA', idQualifier: 'PI', id: '60054' },
      payee: { entityType: '2', lastOrOrganizationName: 'NOBODY', idQualifier: 'XX', id: '1234567893' },
      claims: [{ claimId: 'clm_NOTOURS', statusCode: '1', chargeCents: 5_000, paidCents: 5_000, patientResponsibilityCents: 0, payerClaimControlNumber: 'X1', adjustments: [], services: [] }],
      providerAdjustments: [],
    })
    if (!written.ok) throw new Error(written.message)
    const key = `remittances/60054/${trace}.835`
    await (await files()).put(key, written.text, 'application/edi-x12')
    expect((await deliver('payer-remit', [{ step: 'remit', payerId: '60054', traceNumber: trace, fileKey: key }])).explicitAcks).toHaveLength(1)
    expect(await rows('SELECT kind, claim_ref FROM reconciliation_items WHERE trace_number = ?', trace)).toEqual([{ kind: 'unknown-claim', claim_ref: 'clm_NOTOURS' }])
    expect(await rows('SELECT COUNT(*) AS n FROM claim_remittances WHERE trace_number = ?', trace)).toEqual([{ n: 0 }])
  })
})
