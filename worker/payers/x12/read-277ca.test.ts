import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { read277CA } from './read-277ca'

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)))

describe('read277CA', () => {
  it('reads the claim level: TRN*2 claim id, STC category/status/charge, REF*1K (component separator "|")', () => {
    const r = read277CA(fixture('SampleEdiFiles/INS/_277/_5010/FromAlexbrodsky.txt'))
    expect(r.issues).toEqual([])
    expect(r.acknowledgements[0]?.envelope.implementationGuide).toBe('005010X214')
    expect(r.acknowledgements[0]?.claims).toEqual([
      { claimId: '3920394930203', category: 'A7', status: '562', chargeCents: 19914, payerClaimControlNumber: '1107000000001120' },
    ])
  })

  it('ignores STC at the provider and receiver levels and keeps the first STC of each claim', () => {
    const r = read277CA(fixture('SampleEdiFiles/INS/_276/_5010/277_Deidentified_from_nth.txt'))
    expect(r.acknowledgements[0]?.claims.map((c) => [c.claimId, c.category, c.status, c.chargeCents])).toEqual([
      ['99999999-99999', 'X9', '999', 22000],
      ['99999999-99999', 'X9', '999', 34000],
      ['99999999-99999', 'X9', '999', 34000],
    ])
  })

  it('reads an accepted claim of the hand-made sample', () => {
    const r = read277CA(fixture('SampleEdiFiles/INS/_277/_5010/FromLatitude81uk.txt'))
    expect(r.acknowledgements[0]?.claims).toEqual([
      { claimId: 'MVC132-0145454', category: 'A2', status: '20', chargeCents: 44200, payerClaimControlNumber: '545454' },
    ])
  })

  it('reads a truncated 277CA without throwing: no claims, envelope issues left to the envelope walk', () => {
    const r = read277CA(fixture('SampleEdiFiles/INS/_277/_5010/FromBogeyone.txt'))
    expect(r.ok).toBe(true)
    expect(r.acknowledgements[0]?.claims).toEqual([])
    expect(r.issues).toEqual([])
  })

  it('says when the input is not a 277', () => {
    const r = read277CA(fixture('SampleEdiFiles/Acknowledgments/_999/DHS_Wisconsin_Sample.txt'))
    expect(r).toMatchObject({ ok: false, acknowledgements: [], issues: [{ segment: 0, message: 'no 277 transaction set' }] })
  })
})
