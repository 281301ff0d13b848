import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ClaimPage, ClaimWithTimeline } from '../../contracts'
import { expectProblem } from '../../test/problem'
import { api, eventually, postJson, sampleClaim, testProvider } from '../../test/api-client'

async function countClaims(providerId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM claims WHERE provider_id = ?').bind(providerId).first<{ n: number }>()
  return row?.n ?? 0
}


describe('POST /api/v1/claims', () => {
  it('stores the claim as received, with its lines, diagnoses and first event', async () => {
    const provider = testProvider()
    const input = sampleClaim()
    const res = await postJson('/claims', provider, input)
    expect(res.status).toBe(202)
    const claim = (await res.json()) as { id: string; billedCents: number; status: string }
    expect(claim.id).toMatch(/^clm_/)
    expect(claim.billedCents).toBe(15_350)
    expect(claim.status).toBe('received')

    const lines = await env.DB.prepare('SELECT procedure_code FROM claim_lines WHERE claim_id = ? ORDER BY line_number').bind(claim.id).all()
    expect(lines.results.map((r) => r.procedure_code)).toEqual(['99213', '85025'])
    const first = await env.DB.prepare('SELECT to_status, version FROM claim_events WHERE claim_id = ? AND version = 1').bind(claim.id).first()
    expect(first).toEqual({ to_status: 'received', version: 1 })
  })

  it('refuses malformed JSON and stores nothing', async () => {
    const provider = testProvider()
    const res = await api('/claims', provider, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"claimNumber": ' })
    const problem = await expectProblem(res, 400)
    expect(problem.title).toMatch(/JSON/)
    expect(await countClaims(provider)).toBe(0)
  })

  it('refuses a body that is not JSON with 415', async () => {
    const provider = testProvider()
    const res = await api('/claims', provider, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' })
    await expectProblem(res, 415)
    expect(await countClaims(provider)).toBe(0)
  })

  it('refuses a body far larger than any claim with 413', async () => {
    const provider = testProvider()
    const res = await postJson('/claims', provider, { ...sampleClaim(), note: 'x'.repeat(2 * 1024 * 1024) })
    await expectProblem(res, 413)
    expect(await countClaims(provider)).toBe(0)
  })

  it('lists every invalid field', async () => {
    const provider = testProvider()
    const res = await postJson('/claims', provider, { ...sampleClaim(), serviceDate: '2026-13-45', lines: [] })
    const problem = await expectProblem(res, 400)
    const where = problem.errors?.map((e) => e.where) ?? []
    expect(where).toContain('/serviceDate')
    expect(where).toContain('/lines')
    expect(await countClaims(provider)).toBe(0)
  })

  it('refuses a claim number used before', async () => {
    const provider = testProvider()
    const input = sampleClaim()
    expect((await postJson('/claims', provider, input)).status).toBe(202)
    const problem = await expectProblem(await postJson('/claims', provider, input), 409)
    expect(problem.type).toContain('duplicate-claim')
    expect(await countClaims(provider)).toBe(1)
  })
})

describe('resubmitting a rejected claim', () => {
  it('accepts the corrected claim under the same number once the first is rejected, and only once', async () => {
    const provider = testProvider()
    const bad = sampleClaim({ diagnoses: ['E11', 'I10'] }) // E11 is a category header, not billable
    const first = (await (await postJson('/claims', provider, bad)).json()) as { id: string }
    await eventually(async () => {
      const claim = ClaimWithTimeline.parse(await (await api(`/claims/${first.id}`, provider)).json())
      return claim.status === 'rejected'
    }, 'the first claim to be rejected')

    const corrected = await postJson('/claims', provider, { ...bad, diagnoses: ['E119', 'I10'] })
    expect(corrected.status).toBe(202)
    expect(((await corrected.json()) as { id: string }).id).not.toBe(first.id)
    await expectProblem(await postJson('/claims', provider, { ...bad, diagnoses: ['E119', 'I10'] }), 409)
    expect(await countClaims(provider)).toBe(2)
  })
})

describe('GET /api/v1/claims/:id', () => {
  it('returns the claim with its timeline', async () => {
    const provider = testProvider()
    const { id } = (await (await postJson('/claims', provider, sampleClaim())).json()) as { id: string }
    const res = await api(`/claims/${id}`, provider)
    expect(res.status).toBe(200)
    const claim = ClaimWithTimeline.parse(await res.json())
    expect(claim.events[0]).toMatchObject({ version: 1, fromStatus: null, toStatus: 'received' })
  })

  it('answers 404 for an unknown id and for a malformed one', async () => {
    const provider = testProvider()
    await expectProblem(await api('/claims/clm_01JD000000000000000000000Z', provider), 404)
    await expectProblem(await api('/claims/not-an-id', provider), 404)
  })

  it("does not show one provider another provider's claim", async () => {
    const owner = testProvider()
    const { id } = (await (await postJson('/claims', owner, sampleClaim())).json()) as { id: string }
    const other = testProvider()
    const problem = await expectProblem(await api(`/claims/${id}`, other), 404)
    expect(JSON.stringify(problem)).not.toContain('T-')
    const list = ClaimPage.parse(await (await api('/claims', other)).json())
    expect(list.items).toEqual([])
  })
})

describe('GET /api/v1/claims', () => {
  it('pages with a cursor, newest first, without repeats', async () => {
    const provider = testProvider()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const res = await postJson('/claims', provider, sampleClaim({ claimNumber: `PAGE-${i}` }))
      ids.push(((await res.json()) as { id: string }).id)
    }
    const first = ClaimPage.parse(await (await api('/claims?limit=2', provider)).json())
    expect(first.items.map((c) => c.id)).toEqual([ids[4], ids[3]])
    const second = ClaimPage.parse(await (await api(`/claims?limit=2&cursor=${first.nextCursor}`, provider)).json())
    const third = ClaimPage.parse(await (await api(`/claims?limit=2&cursor=${second.nextCursor}`, provider)).json())
    expect([...second.items, ...third.items].map((c) => c.id)).toEqual([ids[2], ids[1], ids[0]])
    expect(third.nextCursor).toBeNull()
  })

  it('filters by free text and by status', async () => {
    const provider = testProvider()
    await postJson('/claims', provider, sampleClaim({ claimNumber: 'FIND-ME-1' }))
    await postJson('/claims', provider, sampleClaim({ claimNumber: 'OTHER-2', payer: { id: 'AETNA', name: 'Aetna' } }))
    const byText = ClaimPage.parse(await (await api('/claims?q=find-me', provider)).json())
    expect(byText.items.map((c) => c.claimNumber)).toEqual(['FIND-ME-1'])
    const byPayer = ClaimPage.parse(await (await api('/claims?q=aetna', provider)).json())
    expect(byPayer.items.map((c) => c.claimNumber)).toEqual(['OTHER-2'])
    const none = ClaimPage.parse(await (await api('/claims?status=reconciled', provider)).json())
    expect(none.items).toEqual([])
  })

  it('searches for the text as typed: an underscore is not a wildcard', async () => {
    const provider = testProvider()
    await postJson('/claims', provider, sampleClaim({ claimNumber: 'ACC_77-1' }))
    await postJson('/claims', provider, sampleClaim({ claimNumber: 'ACCX77-2' }))
    const page = ClaimPage.parse(await (await api('/claims?q=acc_77', provider)).json())
    expect(page.items.map((c) => c.claimNumber)).toEqual(['ACC_77-1'])
    const percent = ClaimPage.parse(await (await api(`/claims?q=${encodeURIComponent('%')}`, provider)).json())
    expect(percent.items).toEqual([])
  })

  it('filters by date range', async () => {
    const provider = testProvider()
    await postJson('/claims', provider, sampleClaim())
    const today = new Date().toISOString().slice(0, 10)
    expect(ClaimPage.parse(await (await api(`/claims?from=${today}&to=${today}`, provider)).json()).items).toHaveLength(1)
    expect(ClaimPage.parse(await (await api('/claims?to=2020-01-01', provider)).json()).items).toHaveLength(0)
  })

  it('refuses an unknown status filter', async () => {
    const problem = await expectProblem(await api('/claims?status=teleported', testProvider()), 400)
    expect(problem.errors?.[0]?.where).toBe('/status/0')
  })
})

describe('API basics', () => {
  it('reports health', async () => {
    const res = await api('/health', testProvider())
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', checks: { d1: 'ok' } })
  })

  it('serves an OpenAPI description generated from the schemas', async () => {
    const res = await api('/openapi.json', testProvider())
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/claims', '/api/v1/claims/{id}', '/api/v1/uploads', '/api/v1/health']))
  })

  it('answers unknown endpoints with a problem', async () => {
    await expectProblem(await api('/nope', testProvider()), 404)
  })
})

describe('POST /api/v1/claims under a race', () => {
  it('answers 409, not 500, when two submissions of one number arrive together', async () => {
    const provider = testProvider()
    const input = sampleClaim()
    const statuses = (await Promise.all([1, 2, 3].map(() => postJson('/claims', provider, input)))).map((r) => r.status).sort()
    expect(statuses).toEqual([202, 409, 409])
    expect(await countClaims(provider)).toBe(1)
  })
})
