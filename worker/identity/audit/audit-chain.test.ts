import { describe, expect, it } from 'vitest'
import type { AuditRecord, SealedAuditRecord } from './audit-chain'
import { canonicalAuditRow, chainHash, GENESIS_HASH, GENESIS_HEAD, sealRows, verifyChain } from './audit-chain'

function record(n: number, detail: AuditRecord['detail'] = { claimId: `clm_${n}`, status: 'approved' }): AuditRecord {
  return {
    id: `aud_${n}`,
    at: `2026-01-01T00:00:0${n}.000Z`,
    actor: 'usr_1',
    action: 'claim.approve',
    subjectType: 'claim',
    subjectId: `clm_${n}`,
    providerId: n % 2 ? 'prv_1' : null,
    detail,
  }
}

async function sealedLog(count: number): Promise<SealedAuditRecord[]> {
  const rows = Array.from({ length: count }, (_, i) => record(i + 1))
  const seals = await sealRows(GENESIS_HEAD, rows)
  return rows.map((row, i) => ({ ...row, ...seals[i]! }))
}

describe('canonicalAuditRow', () => {
  it('sorts keys at every depth and keeps only the audited fields', () => {
    const a = canonicalAuditRow({ ...record(1, { b: 1, a: { y: [{ d: 1, c: 2 }], x: null } }), extra: 'ignored' } as AuditRecord)
    const b = canonicalAuditRow({ ...record(1), detail: { a: { x: null, y: [{ c: 2, d: 1 }] }, b: 1 } })
    expect(a).toBe(b)
    expect(a).not.toContain('extra')
    expect(Object.keys(JSON.parse(a))).toEqual(['action', 'actor', 'at', 'detail', 'id', 'providerId', 'subjectId', 'subjectType'])
  })

  it('is the same for the object written and the JSON read back', () => {
    const written = record(1, { when: new Date(0), skipped: undefined, n: Number.NaN, list: [1, undefined] })
    const readBack = { ...written, detail: JSON.parse(JSON.stringify(written.detail)) }
    expect(canonicalAuditRow(written)).toBe(canonicalAuditRow(readBack))
  })

  it('treats __proto__ in detail as data', () => {
    const detail = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}')
    expect(canonicalAuditRow(record(1, detail))).toContain('"__proto__":{"polluted":true}')
  })
})

describe('sealRows', () => {
  it('numbers from the head and links each row to the one before', async () => {
    const seals = await sealRows(GENESIS_HEAD, [record(1), record(2), record(3)])
    expect(seals.map((s) => s.seq)).toEqual([1, 2, 3])
    expect(seals[0]!.prevHash).toBe(GENESIS_HASH)
    expect(seals[1]!.prevHash).toBe(seals[0]!.hash)
    expect(seals[2]!.prevHash).toBe(seals[1]!.hash)
    expect(seals[0]!.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(seals[0]!.hash).toBe(await chainHash(GENESIS_HASH, 1, record(1)))
  })

  it('continues a chain sealed in batches to the same hashes', async () => {
    const all = await sealRows(GENESIS_HEAD, [record(1), record(2), record(3)])
    const first = await sealRows(GENESIS_HEAD, [record(1)])
    const rest = await sealRows({ seq: 1, hash: first[0]!.hash }, [record(2), record(3)])
    expect([...first, ...rest]).toEqual(all)
  })

  it('returns nothing for no rows', async () => {
    expect(await sealRows(GENESIS_HEAD, [])).toEqual([])
  })
})

describe('verifyChain', () => {
  it('accepts an intact chain and returns its head', async () => {
    const log = await sealedLog(5)
    expect(await verifyChain(log)).toEqual({ ok: true, checked: 5, head: { seq: 5, hash: log[4]!.hash } })
    expect(await verifyChain([])).toEqual({ ok: true, checked: 0, head: GENESIS_HEAD })
  })

  it('verifies in pages from a trusted head', async () => {
    const log = await sealedLog(5)
    const firstPage = await verifyChain(log.slice(0, 2))
    expect(firstPage.ok).toBe(true)
    if (!firstPage.ok) return
    expect(await verifyChain(log.slice(2), firstPage.head)).toEqual({ ok: true, checked: 3, head: { seq: 5, hash: log[4]!.hash } })
    // A page alone, without its starting head, does not start at seq 1.
    expect(await verifyChain(log.slice(2))).toEqual({ ok: false, brokenAtSeq: 1, reason: 'gap' })
  })

  it('finds an edited row', async () => {
    const log = await sealedLog(5)
    log[2] = { ...log[2]!, action: 'claim.deny' }
    expect(await verifyChain(log)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'hash-mismatch' })
  })

  it('finds an edit inside detail', async () => {
    const log = await sealedLog(5)
    log[1] = { ...log[1]!, detail: { ...log[1]!.detail, status: 'denied' } }
    expect(await verifyChain(log)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'hash-mismatch' })
  })

  it('finds an edited row whose own hash was recomputed, at the next row', async () => {
    const log = await sealedLog(5)
    const edited = { ...log[2]!, actor: 'usr_attacker' }
    log[2] = { ...edited, hash: await chainHash(edited.prevHash, 3, edited) }
    expect(await verifyChain(log)).toEqual({ ok: false, brokenAtSeq: 4, reason: 'prev-mismatch' })
  })

  it('finds a deleted row', async () => {
    const log = await sealedLog(5)
    log.splice(2, 1)
    expect(await verifyChain(log)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'gap' })
  })

  it('finds a deleted row whose successors were renumbered', async () => {
    const log = await sealedLog(5)
    log.splice(2, 1)
    const renumbered = log.map((row, i) => ({ ...row, seq: i + 1 }))
    expect(await verifyChain(renumbered)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'prev-mismatch' })
  })

  it('finds rows out of order', async () => {
    const log = await sealedLog(5)
    ;[log[1], log[2]] = [log[2]!, log[1]!]
    expect(await verifyChain(log)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'gap' })
  })

  it('finds rows swapped with their seq numbers swapped too', async () => {
    const log = await sealedLog(5)
    const [second, third] = [log[1]!, log[2]!]
    log[1] = { ...third, seq: 2 }
    log[2] = { ...second, seq: 3 }
    expect(await verifyChain(log)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'prev-mismatch' })
  })

  it('finds a row whose prevHash was rewritten', async () => {
    const log = await sealedLog(3)
    log[1] = { ...log[1]!, prevHash: GENESIS_HASH }
    expect(await verifyChain(log)).toEqual({ ok: false, brokenAtSeq: 2, reason: 'prev-mismatch' })
  })

  it('finds a forged hash', async () => {
    const log = await sealedLog(3)
    log[2] = { ...log[2]!, hash: 'f'.repeat(64) }
    expect(await verifyChain(log)).toEqual({ ok: false, brokenAtSeq: 3, reason: 'hash-mismatch' })
  })
})
