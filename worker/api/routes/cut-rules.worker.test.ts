import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { api, testProvider } from '../../test/api-client'
import { adminCall, call } from '../../test/identity-helpers'
import { expectProblem } from '../../test/problem'

const DAY_MS = 86_400_000
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10)

function version(name: string, effectiveFrom: string, overrides: Record<string, unknown> = {}) {
  return {
    version: name,
    effectiveFrom,
    defaultCutBps: 450,
    volumeTiers: [
      { minClaims: 0, maxClaims: 99, adjustBps: 0 },
      { minClaims: 100, maxClaims: null, adjustBps: -50 },
    ],
    riskBands: [
      { minScore: 0, maxScore: 89, adjustBps: 100 },
      { minScore: 90, maxScore: 100, adjustBps: 0 },
    ],
    ...overrides,
  }
}

type CutRules = { versions: { version: string; effectiveFrom: string; createdBy: string | null }[]; inForce: string; today: string }

const publish = (body: unknown) => adminCall('/admin/cut-rules', { method: 'POST', json: body })
const audit = async (action: string) =>
  (await env.DB.prepare('SELECT actor, subject_id, provider_id, detail FROM audit_log WHERE action = ? ORDER BY rowid').bind(action).all<{ actor: string; subject_id: string; provider_id: string | null; detail: string }>()).results
const storedVersions = async () => (await env.DB.prepare('SELECT version FROM cut_rule_versions ORDER BY effective_from').all<{ version: string }>()).results.map((r) => r.version)

describe('the cut rules admins publish', () => {
  it('asks for Cloudflare Access', async () => {
    await expectProblem(await call('/admin/cut-rules'), 401)
    await expectProblem(await call('/admin/cut-rules', { method: 'POST', json: version('x', day(1)) }), 401)
    expect(await storedVersions()).toEqual([])
  })

  it('starts with the built-in default in force', async () => {
    const res = await adminCall('/admin/cut-rules')
    expect(res.status).toBe(200)
    const rules = (await res.json()) as CutRules
    expect(rules).toMatchObject({ inForce: 'default', today: day(0) })
    expect(rules.versions).toEqual([expect.objectContaining({ version: 'default', defaultCutBps: 500, createdBy: null })])
  })

  it('publishes a version effective tomorrow, audited, and keeps today on the version in force', async () => {
    const res = await publish(version('2026-q4', day(1)))
    expect(res.status).toBe(201)
    const rules = (await res.json()) as CutRules
    expect(rules.inForce).toBe('default')
    expect(rules.versions.map((v) => [v.version, v.createdBy])).toEqual([['default', null], ['2026-q4', 'ops@claimpay.dev']])
    // Defaults filled in by the schema are stored, so the version means the same thing when read back.
    expect(rules.versions[1]).toMatchObject({ minCutBps: 0, maxCutBps: 10_000 })
    expect(await audit('cut.rules.version-added')).toEqual([{ actor: 'ops@claimpay.dev', subject_id: '2026-q4', provider_id: null, detail: JSON.stringify({ effectiveFrom: day(1) }) }])
  })

  it('refuses a version that exists, or one that does not take effect after the last (409)', async () => {
    const again = await expectProblem(await publish(version('2026-q4', day(5))), 409)
    expect(again.detail).toContain('2026-q4 already exists')
    const before = await expectProblem(await publish(version('2026-q4b', day(1))), 409)
    expect(before.detail).toContain(`must be after ${day(1)}`)
    expect(await storedVersions()).toEqual(['2026-q4'])
  })

  it('refuses a version in the past (422), naming the earliest day allowed', async () => {
    const past = await expectProblem(await publish(version('backdated', day(-1))), 422)
    expect(past.type).toContain('in-the-past')
    expect(past.detail).toContain(`the earliest allowed is ${day(0)}`)
    expect(await storedVersions()).toEqual(['2026-q4'])
  })

  it('refuses a table with a gap in its bands (422) with the rule that failed, placed on the field', async () => {
    const gap = await expectProblem(
      await publish(version('gappy', day(10), { riskBands: [{ minScore: 0, maxScore: 80, adjustBps: 0 }, { minScore: 86, maxScore: 100, adjustBps: 0 }] })),
      422,
    )
    expect(gap.detail).toContain('gap in risk bands: scores 81-85 have no band')
    expect(gap.errors).toEqual([{ where: '/versions/2/riskBands', message: 'gap in risk bands: scores 81-85 have no band' }])
    expect(await storedVersions()).toEqual(['2026-q4'])
  })

  it('refuses a malformed version (400) with the schema message', async () => {
    const big = await expectProblem(await publish(version('huge', day(10), { defaultCutBps: 20_000 })), 400)
    expect(big.errors).toEqual([{ where: '/defaultCutBps', message: 'must not exceed 10000 bps (100%)' }])
    const noDate = await expectProblem(await publish(version('nodate', 'soon')), 400)
    expect(noDate.errors).toEqual([{ where: '/effectiveFrom', message: 'must be a date as YYYY-MM-DD' }])
    const extra = await expectProblem(await publish({ ...version('extra', day(10)), note: 'x' }), 400)
    expect(extra.errors?.[0]?.where).toBe('(body)')
    expect(await storedVersions()).toEqual(['2026-q4'])
  })

  it('keeps stored versions as they were published: the database refuses edits and deletes', async () => {
    await expect(env.DB.prepare("UPDATE cut_rule_versions SET effective_from = '2000-01-02' WHERE version = '2026-q4'").run()).rejects.toThrow(/append-only/)
    await expect(env.DB.prepare("DELETE FROM cut_rule_versions WHERE version = '2026-q4'").run()).rejects.toThrow(/append-only/)
  })
})

describe("a provider's negotiated base cut", () => {
  it('is set by admins within 0-10000 bps, audited with the old and new rate', async () => {
    const provider = testProvider()
    await api('/claims?limit=1', provider)
    const res = await adminCall(`/admin/providers/${provider}/cut`, { method: 'PUT', json: { cutBps: 425 } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ providerId: provider, cutBps: 425, previousCutBps: 500 })
    expect(await env.DB.prepare('SELECT cut_bps FROM providers WHERE id = ?').bind(provider).first('cut_bps')).toBe(425)
    expect((await audit('provider.cut.changed')).filter((a) => a.provider_id === provider)).toEqual([
      { actor: 'ops@claimpay.dev', subject_id: provider, provider_id: provider, detail: JSON.stringify({ from: 500, to: 425 }) },
    ])

    await expectProblem(await adminCall(`/admin/providers/${provider}/cut`, { method: 'PUT', json: { cutBps: 10_001 } }), 400)
    await expectProblem(await adminCall(`/admin/providers/${provider}/cut`, { method: 'PUT', json: { cutBps: 2.5 } }), 400)
    await expectProblem(await adminCall('/admin/providers/prv_nobody/cut', { method: 'PUT', json: { cutBps: 300 } }), 404)
    await expectProblem(await call(`/admin/providers/${provider}/cut`, { method: 'PUT', json: { cutBps: 0 } }), 401)
    expect(await env.DB.prepare('SELECT cut_bps FROM providers WHERE id = ?').bind(provider).first('cut_bps')).toBe(425)
  })
})
