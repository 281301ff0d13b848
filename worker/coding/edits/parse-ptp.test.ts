import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { NCCI_PAIRS } from '../../generator/engine/ncci-edits'
import { parsePtpFile } from './parse-ptp'

const excerpt = readFileSync(new URL('./fixtures/ccipra-v322r0-f1.excerpt.txt', import.meta.url), 'latin1')

describe('parsePtpFile', () => {
  const parsed = parsePtpFile(excerpt)

  it('reads every row of the CMS excerpt (155) past its preamble and four-line header, none skipped', () => {
    expect(parsed.skipped).toEqual([])
    expect(parsed.rows).toHaveLength(155)
    expect(parsed.rows[0]).toEqual({
      column1: '0001A',
      column2: '0591T',
      effective: '20220101',
      deletion: '20231231',
      modifierIndicator: 1,
      rationale: 'CPT Manual or CMS manual coding instruction',
    })
  })

  it('reads * as no deletion date, and indicators 0, 1 and 9', () => {
    expect(parsed.rows.find((r) => r.column2 === '36591')).toMatchObject({ modifierIndicator: 0 })
    expect(parsed.rows.find((r) => r.column2 === '90473')).toMatchObject({ effective: '20220101', deletion: '20220101', modifierIndicator: 9 })
    expect(parsed.rows.find((r) => r.column1 === '0001U' && r.column2 === '81163')).toMatchObject({ deletion: null, modifierIndicator: 1 })
  })

  it('keeps the last row although the excerpt ends mid-rationale', () => {
    expect(parsed.rows.at(-1)).toMatchObject({ column1: '0001U', column2: '81167', rationale: 'Misuse of Column T' })
  })

  it('holds every pair of the table the generator ships, with the same dates and indicator', () => {
    for (const pair of NCCI_PAIRS) {
      expect(parsed.rows, `${pair.column1}/${pair.column2}`).toContainEqual(expect.objectContaining(pair))
    }
  })

  it('reports malformed rows with their line and reason instead of dropping them', () => {
    const text = ['Column1/Column2 Edits', '99213\t96372\t\t20200101\t*\t1\tok', '99213\t963\t\t20200101\t*\t1\tx', '99213\t96372\t\t2020\t*\t1\tx', '99213\t96372\t\t20200101\t*\t5\tx'].join('\r\n')
    const result = parsePtpFile(text)
    expect(result.rows).toHaveLength(1)
    expect(result.skipped).toEqual([
      { record: 3, reason: 'column 2 "963" is not a procedure code' },
      { record: 4, reason: 'effective date "2020" is not YYYYMMDD' },
      { record: 5, reason: 'modifier indicator "5" is not 0, 1 or 9' },
    ])
  })

  it('returns nothing, and throws nothing, for text that is not a PTP file', () => {
    expect(parsePtpFile('')).toEqual({ rows: [], skipped: [] })
    expect(parsePtpFile('hello\nworld')).toEqual({ rows: [], skipped: [] })
  })
})
