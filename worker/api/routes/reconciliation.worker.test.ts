import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ReconciliationItem, ReconciliationItemDetail, ReconciliationPage, RemittancePage, type ReconciliationKind } from '../../contracts/reconciliation'
import { createD1ClaimStore } from '../../claims'
import { createD1Reconciliation } from '../../payments/d1/d1-reconciliation'
import { loadKeyring } from '../../identity'
import { newId } from '../../ids'
import worker from '../../index'
import { write835 } from '../../payers/x12'
import { sealedFiles } from '../../platform/sealed-files'
import { api, sampleClaim, testProvider } from '../../test/api-client'
import { adminCall, call } from '../../test/identity-helpers'
import { expectProblem } from '../../test/problem'

async function rows<T = Record<string, unknown>>(query: string, ...params: unknown[]) {
  return (await env.DB.prepare(query).bind(...params).all<T>()).results
}

const unique = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12)

/**
 * Items dated in the far future sort above anything posting writes during the run, so a test reads
 * its own rows at the top of the list whatever else the database holds.
 */
let clock = Date.parse('2099-01-01T00:00:00.000Z')
const futureAt = () => new Date((clock += 1000)).toISOString()

type Seed = { kind?: ReconciliationKind; claimRef?: string | null; providerId?: string | null; detail?: Record<string, unknown>; resolvedAt?: string | null; createdAt?: string; payerId?: string; traceNumber?: string }

async function seedItem(seed: Seed = {}): Promise<string> {
  const id = `rci_t${unique()}`
  await env.DB.prepare('INSERT INTO reconciliation_items (id, payer_id, trace_number, claim_ref, provider_id, kind, detail, resolved_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .bind(
      id,
      seed.payerId ?? '60054',
      seed.traceNumber ?? `T${unique()}`,
      seed.claimRef === undefined ? `clm_${unique()}` : seed.claimRef,
      seed.providerId ?? null,
      seed.kind ?? 'unknown-claim',
      JSON.stringify(seed.detail ?? { chargeCents: 5_000, paidCents: 4_000 }),
      seed.resolvedAt ?? null,
      seed.createdAt ?? futureAt(),
    )
    .run()
  return id
}

async function list(query = '') {
  const res = await adminCall(`/admin/reconciliation${query}`)
  expect(res.status).toBe(200)
  return ReconciliationPage.parse(await res.json())
}

const resolve = (id: string, body: unknown) => adminCall(`/admin/reconciliation/${id}/resolve`, { method: 'POST', json: body })

const auditRows = (id: string) => rows<{ actor: string; action: string; detail: string }>("SELECT actor, action, detail FROM audit_log WHERE subject_type = 'reconciliation-item' AND subject_id = ?", id)

/** One of our claims, parked where posting would have left it, with the answer posting recorded. */
async function claimWithRemittance() {
  const provider = testProvider()
  await api('/claims?limit=1', provider)
  const id = newId('clm')
  await createD1ClaimStore(env.DB).insertClaims(provider, [{ id, input: sampleClaim() }], new Date().toISOString())
  const adjustments = [{ line: null, group: 'PR', reason: '1', amountCents: 1_200 }, { line: 1, group: 'CO', reason: '45', amountCents: 300 }]
  await env.DB.prepare(
    'INSERT INTO claim_remittances (claim_id, provider_id, payer_id, trace_number, status_code, outcome, charge_cents, paid_cents, patient_responsibility_cents, adjustments, remark_codes, payer_claim_control_number, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
    .bind(id, provider, '60054', 'TRN-FIRST', '1', 'partial', 15_350, 13_850, 1_200, JSON.stringify(adjustments), JSON.stringify(['N130']), 'PCN1', '2026-01-02T03:04:05.000Z')
    .run()
  return { provider, id }
}

describe('the reconciliation list', () => {
  it('lists open items newest first, pages with a stable cursor, and counts open items by kind', async () => {
    const before = await list()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push(await seedItem({ kind: 'charge-mismatch' }))
    // Two items created in the same millisecond still page in a stable order (by id).
    const sameAt = futureAt()
    const [a, b] = [await seedItem({ kind: 'charge-mismatch', createdAt: sameAt }), await seedItem({ kind: 'charge-mismatch', createdAt: sameAt })]
    const newestFirst = [[a, b].sort().reverse(), [...ids].reverse()].flat()

    const seen: string[] = []
    let cursor: string | null = null
    for (let page = 0; page < 4; page++) {
      const body: ReconciliationPage = await list(`?kind=charge-mismatch&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(body.items.length).toBeLessThanOrEqual(2)
      seen.push(...body.items.map((i) => i.id))
      cursor = body.nextCursor
      if (!cursor) break
    }
    expect(seen.slice(0, newestFirst.length)).toEqual(newestFirst)
    expect(new Set(seen).size).toBe(seen.length)

    const after = await list()
    expect(after.open.byKind['charge-mismatch']).toBe(before.open.byKind['charge-mismatch'] + 7)
    expect(after.open.total).toBe(before.open.total + 7)
    expect(Object.keys(after.open.byKind).sort()).toEqual(['already-posted', 'amounts-do-not-add-up', 'charge-mismatch', 'duplicate-remittance', 'payer-mismatch', 'unknown-claim', 'unreadable-file', 'unsupported-status'])
  })

  it('filters by status and kind', async () => {
    const open = await seedItem({ kind: 'payer-mismatch' })
    const resolved = await seedItem({ kind: 'payer-mismatch', resolvedAt: '2099-06-01T00:00:00.000Z' })
    const other = await seedItem({ kind: 'unsupported-status' })

    const openIds = (await list('?kind=payer-mismatch&limit=100')).items.map((i) => i.id)
    expect(openIds).toContain(open)
    expect(openIds).not.toContain(resolved)
    expect(openIds).not.toContain(other)

    const resolvedPage = await list('?status=resolved&kind=payer-mismatch&limit=100')
    expect(resolvedPage.items.map((i) => i.id)).toContain(resolved)
    expect(resolvedPage.items.every((i) => i.resolvedAt !== null && i.kind === 'payer-mismatch')).toBe(true)
  })

  it('answers only the detail fields it knows: amounts in cents, never anything else posting stored', async () => {
    const id = await seedItem({ kind: 'amounts-do-not-add-up', detail: { chargeCents: 10_000, paidCents: 9_000, adjustedCents: 500, patientResponsibilityCents: 0, patientName: 'Ana Diaz', memberId: 'W123' } })
    const item = (await list('?kind=amounts-do-not-add-up&limit=100')).items.find((i) => i.id === id)
    expect(item?.detail).toEqual({ chargeCents: 10_000, paidCents: 9_000, adjustedCents: 500, patientResponsibilityCents: 0 })
    const text = JSON.stringify(await (await adminCall(`/admin/reconciliation/${id}`)).json())
    expect(text).not.toContain('Ana')
    expect(text).not.toContain('W123')
  })

  it('refuses a kind, status, limit or cursor it does not know with 400', async () => {
    for (const query of ['?kind=nope', '?status=closed', '?limit=0', '?limit=101', '?cursor=not-a-cursor', `?cursor=${encodeURIComponent(btoa('yesterday\nrci_x'))}`]) {
      const problem = await expectProblem(await adminCall(`/admin/reconciliation${query}`), 400)
      expect(problem.type).toContain('validation-failed')
    }
  })
})

describe('one reconciliation item', () => {
  it("shows the claim it names, when ours, with that claim's status and posted remittance", async () => {
    const claim = await claimWithRemittance()
    const id = await seedItem({ kind: 'already-posted', claimRef: claim.id, providerId: claim.provider, detail: { chargeCents: 15_350, paidCents: 13_850, status: 'reconciled', postedByTrace: 'TRN-FIRST' } })
    const res = await adminCall(`/admin/reconciliation/${id}`)
    expect(res.status).toBe(200)
    const body = ReconciliationItemDetail.parse(await res.json())
    expect(body.item).toMatchObject({ id, kind: 'already-posted', claimRef: claim.id, providerId: claim.provider, resolvedAt: null, detail: { postedByTrace: 'TRN-FIRST', status: 'reconciled' } })
    expect(body.claim).toMatchObject({ id: claim.id, providerId: claim.provider, status: 'received', billedCents: (await rows<{ billed_cents: number }>('SELECT billed_cents FROM claims WHERE id = ?', claim.id))[0]!.billed_cents })
    expect(body.claim?.remittance).toMatchObject({ traceNumber: 'TRN-FIRST', outcome: 'partial', paidCents: 13_850, patientResponsibilityCents: 1_200, remarkCodes: ['N130'] })
    expect(body.claim?.remittance?.adjustments).toEqual([{ line: null, group: 'PR', reason: '1', amountCents: 1_200 }, { line: 1, group: 'CO', reason: '45', amountCents: 300 }])
    expect(body.resolution).toBeNull()
    expect(JSON.stringify(body)).not.toMatch(/patient(Name|Dob)|memberId|sealed/i)
  })

  it('has no claim when CLP01 is not one of ours, or there is no CLP01', async () => {
    for (const claimRef of ['clm_NOTOURS', null]) {
      const id = await seedItem({ claimRef })
      const body = ReconciliationItemDetail.parse(await (await adminCall(`/admin/reconciliation/${id}`)).json())
      expect(body.item.claimRef).toBe(claimRef)
      expect(body.claim).toBeNull()
    }
  })

  it('answers 404 for an unknown id', async () => {
    await expectProblem(await adminCall('/admin/reconciliation/rci_missing'), 404)
  })
})

describe('resolving an item', () => {
  it('resolves once with an audit row holding the note, and answers a second resolve with 409 and the time', async () => {
    const id = await seedItem({ kind: 'unknown-claim', providerId: null })
    const res = await resolve(id, { note: '  Payer confirmed the claim was sent to us by mistake.  ' })
    expect(res.status).toBe(200)
    const item = ReconciliationItem.parse(await res.json())
    expect(item.resolvedAt).toMatch(/^\d{4}-\d\d-\d\dT/)

    const audit = await auditRows(id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor: 'ops@claimpay.dev', action: 'reconciliation.resolved' })
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ note: 'Payer confirmed the claim was sent to us by mistake.', kind: 'unknown-claim' })

    const again = await expectProblem(await resolve(id, { note: 'again' }), 409)
    expect(again.type).toContain('already-resolved')
    expect(again.detail).toContain(item.resolvedAt!)
    expect(await auditRows(id)).toHaveLength(1)
    expect(await rows('SELECT resolved_at FROM reconciliation_items WHERE id = ?', id)).toEqual([{ resolved_at: item.resolvedAt }])

    const detail = ReconciliationItemDetail.parse(await (await adminCall(`/admin/reconciliation/${id}`)).json())
    expect(detail.resolution).toEqual({ resolvedAt: item.resolvedAt, by: 'ops@claimpay.dev', note: 'Payer confirmed the claim was sent to us by mistake.' })
    expect((await list('?limit=100')).items.map((i) => i.id)).not.toContain(id)
    expect((await list('?status=resolved&limit=100')).items.map((i) => i.id)).toContain(id)
  })

  it('resolves exactly once when two admins press at the same time', async () => {
    const id = await seedItem()
    const answers = await Promise.all([resolve(id, { note: 'first' }), resolve(id, { note: 'second' })])
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409])
    expect(await auditRows(id)).toHaveLength(1)
  })

  it('writes one resolution and one audit row when two resolves both read the item open', async () => {
    const id = await seedItem()
    const store = createD1Reconciliation(env.DB)
    // Both reads finish before either write: the second write finds the row resolved and adds nothing.
    const outcomes = await Promise.all([store.resolve(id, 'a@claimpay.dev', 'first', new Date()), store.resolve(id, 'b@claimpay.dev', 'second', new Date())])
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ ok: false, reason: 'already-resolved' })
    expect(await auditRows(id)).toHaveLength(1)
  })

  it('refuses a missing, blank or too long note with 400 and changes nothing', async () => {
    const id = await seedItem()
    for (const body of [{}, { note: '' }, { note: '   ' }, { note: 'x'.repeat(501) }, { note: 'ok', extra: true }]) {
      const problem = await expectProblem(await resolve(id, body), 400)
      expect(problem.type).toContain('validation-failed')
    }
    expect(await rows('SELECT resolved_at FROM reconciliation_items WHERE id = ?', id)).toEqual([{ resolved_at: null }])
    expect(await auditRows(id)).toEqual([])
    expect((await resolve(id, { note: 'x'.repeat(500) })).status).toBe(200)
  })

  it('answers 404 for an unknown id and writes no audit row', async () => {
    await expectProblem(await resolve('rci_missing', { note: 'nothing here' }), 404)
    expect(await auditRows('rci_missing')).toEqual([])
  })

  it('refuses callers without Access and writes nothing', async () => {
    const id = await seedItem()
    await expectProblem(await call(`/admin/reconciliation/${id}/resolve`, { method: 'POST', json: { note: 'not staff' } }), 401)
    await expectProblem(await call(`/admin/reconciliation/${id}`), 401)
    await expectProblem(await call('/admin/remittances'), 401)
    expect(await rows('SELECT resolved_at FROM reconciliation_items WHERE id = ?', id)).toEqual([{ resolved_at: null }])
    expect(await auditRows(id)).toEqual([])
  })
})

describe('items from real posting, and posted 835s', () => {
  /** An 835 from payer 60054 for claims we may or may not hold, through the payer-remit consumer. */
  async function remit(claims: { claimId: string; chargeCents: number; paidCents: number }[]) {
    const trace = `7${crypto.randomUUID().replace(/\D/g, '').slice(0, 9)}`
    const written = write835({
      envelope: { senderId: '60054', receiverId: 'CLAIMPAY', interchangeControlNumber: '000000001', groupControlNumber: '1', transactionControlNumber: '0001', implementationGuide: '005010X221A1', createdAt: new Date().toISOString(), usage: 'T' as const },
      paymentCents: claims.reduce((s, c) => s + c.paidCents, 0),
      paymentMethod: 'ACH',
      paymentDate: new Date().toISOString().slice(0, 10),
      traceNumber: trace,
      payer: { entityType: '2', lastOrOrganizationName: 'AETNA', idQualifier: 'PI', id: '60054' },
      payee: { entityType: '2', lastOrOrganizationName: 'NOBODY', idQualifier: 'XX', id: '1234567893' },
      claims: claims.map((c, i) => ({ ...c, statusCode: '1', patientResponsibilityCents: 0, payerClaimControlNumber: `X${i}`, adjustments: c.chargeCents === c.paidCents ? [] : [{ group: 'CO' as const, reason: '45', amountCents: c.chargeCents - c.paidCents }], services: [] })),
      providerAdjustments: [],
    })
    if (!written.ok) throw new Error(written.message)
    const key = `remittances/60054/${trace}.835`
    await (await sealedFiles(env.FILES, await loadKeyring(env))).put(key, written.text, 'application/edi-x12')
    const batch = createMessageBatch('payer-remit', [{ id: `m-${trace}`, timestamp: new Date(), attempts: 1, body: { step: 'remit', payerId: '60054', traceNumber: trace, fileKey: key } }])
    const ctx = createExecutionContext()
    await worker.queue(batch, env, ctx)
    expect((await getQueueResult(batch, ctx)).explicitAcks).toHaveLength(1)
    return trace
  }

  it('lists what posting could not match, resolves it, and lists the 835 with its counts', async () => {
    const before = await list()
    const trace = await remit([
      { claimId: `clm_NOTOURS${unique()}`, chargeCents: 5_000, paidCents: 5_000 },
      { claimId: `clm_NOTOURS${unique()}`, chargeCents: 8_000, paidCents: 6_000 },
    ])
    const stored = await rows<{ id: string }>('SELECT id FROM reconciliation_items WHERE trace_number = ? ORDER BY id', trace)
    expect(stored).toHaveLength(2)
    const after = await list('?kind=unknown-claim&limit=100')
    expect(after.open.byKind['unknown-claim']).toBe(before.open.byKind['unknown-claim'] + 2)
    const mine = after.items.filter((i) => i.traceNumber === trace)
    expect(mine.map((i) => i.detail).sort((x, y) => (x.chargeCents ?? 0) - (y.chargeCents ?? 0))).toEqual([{ chargeCents: 5_000, paidCents: 5_000 }, { chargeCents: 8_000, paidCents: 6_000 }])

    const remittances = await adminCall('/admin/remittances?limit=100')
    expect(remittances.status).toBe(200)
    const file = RemittancePage.parse(await remittances.json()).items.find((f) => f.traceNumber === trace)
    expect(file).toMatchObject({ payerId: '60054', paymentCents: 11_000, claimCount: 2, claimsPosted: 0, openItems: 2 })

    expect((await resolve(stored[0]!.id, { note: 'Forwarded to the payer: not our claim.' })).status).toBe(200)
    const again = RemittancePage.parse(await (await adminCall('/admin/remittances?limit=100')).json()).items.find((f) => f.traceNumber === trace)
    expect(again?.openItems).toBe(1)
  })

  it('pages posted 835s newest first', async () => {
    const at = (n: number) => `2099-02-01T00:00:0${n}.000Z`
    const ids: string[] = []
    for (let n = 1; n <= 3; n++) {
      const trace = `PG${unique()}`
      ids.push(`rmt_60054_${trace}`)
      await env.DB.prepare('INSERT INTO remittance_files (id, payer_id, trace_number, file_key, payment_cents, claim_count, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?)').bind(`rmt_60054_${trace}`, '60054', trace, `remittances/60054/${trace}.835`, n * 100, n, at(n)).run()
    }
    const first = RemittancePage.parse(await (await adminCall('/admin/remittances?limit=2')).json())
    expect(first.items.map((f) => f.id)).toEqual([ids[2], ids[1]])
    expect(first.nextCursor).not.toBeNull()
    const second = RemittancePage.parse(await (await adminCall(`/admin/remittances?limit=2&cursor=${first.nextCursor}`)).json())
    expect(second.items[0]?.id).toBe(ids[0])
    await expectProblem(await adminCall('/admin/remittances?cursor=@@@'), 400)
  })
})
