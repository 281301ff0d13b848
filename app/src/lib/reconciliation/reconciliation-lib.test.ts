import { describe, expect, it } from 'vitest'
import { RECONCILIATION_KINDS } from '$contracts/reconciliation'
import { amountsOf, detailRows } from './detail-rows'
import { kindBars, kindFrom, kindSummary } from './kinds'
import { itemsApiPath, listStateFrom, pageHref, remittancesApiPath } from './list-query'
import { checkNote } from './note'

const counts = (byKind: Partial<Record<(typeof RECONCILIATION_KINDS)[number], number>>) => {
  const full = Object.fromEntries(RECONCILIATION_KINDS.map((k) => [k, byKind[k] ?? 0])) as Record<(typeof RECONCILIATION_KINDS)[number], number>
  return { total: Object.values(full).reduce((s, n) => s + n, 0), byKind: full }
}

describe('kinds', () => {
  it('keeps every kind in a fixed order with its count', () => {
    const bars = kindBars(counts({ 'charge-mismatch': 3 }))
    expect(bars.map((b) => b.status)).toEqual([...RECONCILIATION_KINDS])
    expect(bars.find((b) => b.status === 'charge-mismatch')).toMatchObject({ count: 3, label: 'Charge mismatch' })
  })

  it('says the chart in words, naming only kinds with items', () => {
    expect(kindSummary(counts({}))).toBe('No open reconciliation items.')
    expect(kindSummary(counts({ 'unknown-claim': 2, 'unreadable-file': 1 }))).toBe('Bar chart of 3 open reconciliation items by kind. Unknown claim: 2, Unreadable file: 1.')
  })

  it('accepts only known kinds from a URL', () => {
    expect(kindFrom('payer-mismatch')).toBe('payer-mismatch')
    expect(kindFrom('nope')).toBeNull()
    expect(kindFrom(null)).toBeNull()
  })
})

describe('detail rows', () => {
  it('formats cents as dollars, in a fixed order, leaving out what is absent', () => {
    expect(detailRows({ paidCents: 4_000, chargeCents: 5_000, statusCode: '22' })).toEqual([
      { label: 'Charge (CLP03)', value: '$50.00' },
      { label: 'Paid (CLP04)', value: '$40.00' },
      { label: 'CLP02 status', value: '22', mono: true },
    ])
    expect(amountsOf({})).toEqual({ charge: '—', paid: '—' })
  })
})

describe('list query', () => {
  it('reads the page URL and writes it back without defaults', () => {
    const state = listStateFrom(new URLSearchParams('status=resolved&kind=charge-mismatch&cursor=abc&item=rci_1'))
    expect(state).toEqual({ view: 'items', status: 'resolved', kind: 'charge-mismatch', cursor: 'abc', item: 'rci_1' })
    expect(pageHref(state)).toBe('/admin/reconciliation?status=resolved&kind=charge-mismatch&cursor=abc&item=rci_1')
    expect(pageHref({ status: 'open' })).toBe('/admin/reconciliation')
    expect(listStateFrom(new URLSearchParams('kind=bogus&status=weird')).kind).toBeNull()
  })

  it('builds the API paths', () => {
    expect(itemsApiPath({ view: 'items', status: 'open', kind: null, cursor: 'c1', item: null }, 25)).toBe('/api/v1/admin/reconciliation?status=open&limit=25&cursor=c1')
    expect(remittancesApiPath(null, 10)).toBe('/api/v1/admin/remittances?limit=10')
  })
})

describe('resolve note', () => {
  it('asks for some words and at most 500 characters, as the API does', () => {
    expect(checkNote('   ')).toBe('Say how the item was settled.')
    expect(checkNote('x'.repeat(501))).toContain('At most 500')
    expect(checkNote(`  ${'x'.repeat(500)}  `)).toBeNull()
  })
})
