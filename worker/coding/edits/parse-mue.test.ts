import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import mueTable from '../../../data/generator/mue-limits.json'
import { parseAdjudication, parseMueFile } from './parse-mue'

const excerpt = readFileSync(new URL('./fixtures/MCR_MUE_PractitionerServices_Eff_07-01-2026.excerpt.csv', import.meta.url), 'latin1')

describe('parseMueFile', () => {
  const parsed = parseMueFile(excerpt)

  it('finds the header under the copyright cell (its first cell breaks over two lines) and reads all 44 rows', () => {
    expect(parsed.skipped).toEqual([])
    expect(parsed.rows).toHaveLength(44)
    expect(parsed.rows[0]).toEqual({ code: '0001U', units: 1, adjudication: 2, rationale: 'Code Descriptor / CPT Instruction' })
    expect(parsed.rows.find((r) => r.code === '0009U')).toMatchObject({ units: 2, adjudication: 3 })
  })

  it('agrees with the table the generator ships, code by code', () => {
    for (const limit of mueTable.limits) {
      expect(parsed.rows, limit.code).toContainEqual(expect.objectContaining({ code: limit.code, units: limit.units, adjudication: parseAdjudication(limit.adjudication) }))
    }
  })

  it('reports rows it cannot read, with the record and the reason', () => {
    const text = 'HCPCS/CPT Code,MUE Values,MUE Adjudication Indicator,MUE Rationale\n99213,1,1 Line Edit,x\n0002U,two,2 Date of Service Edit: Policy,x\n0003U,1,4 Something,x\n'
    const result = parseMueFile(text)
    expect(result.rows).toEqual([{ code: '99213', units: 1, adjudication: 1, rationale: 'x' }])
    expect(result.skipped).toEqual([
      { record: 3, reason: 'MUE value "two" is not a whole number of units' },
      { record: 4, reason: 'adjudication indicator "4 Something" is not 1, 2 or 3' },
    ])
  })

  it('says so when the text is not an MUE file', () => {
    expect(parseMueFile('a,b\n1,2')).toEqual({ rows: [], skipped: [{ record: 1, reason: 'no "HCPCS/CPT Code" header: not an MUE file' }] })
  })
})
