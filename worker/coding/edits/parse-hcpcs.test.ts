import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseHcpcsFile } from './parse-hcpcs'

const excerpt = readFileSync(new URL('./fixtures/HCPC2026_OCT_ANWEB.excerpt.csv', import.meta.url), 'latin1')
const HEADER = 'HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,ADD DT,ACT EFF DT,TERM DT,ACTION CD'

describe('parseHcpcsFile', () => {
  const parsed = parseHcpcsFile(excerpt)

  it('reads the 35 modifier records of the CMS excerpt, trimming the right-aligned codes', () => {
    expect(parsed.skipped).toEqual([])
    expect(parsed.rows).toHaveLength(35)
    expect(parsed.rows.every((r) => r.kind === 'modifier')).toBe(true)
    expect(parsed.rows[0]).toEqual({ kind: 'modifier', code: 'A1', description: 'Dressing for one wound', effective: '20020701', termination: null })
  })

  it('keeps quoted descriptions whole and reads termination dates', () => {
    expect(parsed.rows.find((r) => r.code === 'AS')?.description).toBe('Physician assistant, nurse practitioner, or clinical nurse specialist services for assistant at surgery')
    expect(parsed.rows.find((r) => r.code === 'GD')).toMatchObject({ effective: '20080101', termination: '20191231' })
  })

  it('reads procedure records, joins continuation records, and reports what it cannot read', () => {
    const text = [HEADER, 'A0021,00100,3,Ambulance service outside state,Outside state ambulance serv,19840101,20000101,,N', 'A0021,00200,4,per mile,,,,,', ' XX,0010,5,odd record,,,,,', ' A,0010,7,too short,,,,,', 'A0080,00200,4,orphan,,,,,'].join('\r\n')
    const result = parseHcpcsFile(text)
    expect(result.rows).toEqual([{ kind: 'procedure', code: 'A0021', description: 'Ambulance service outside state per mile', effective: '19840101', termination: null }])
    expect(result.skipped).toEqual([
      { record: 4, reason: 'record id "5" is not a procedure or modifier record' },
      { record: 5, reason: '"A" is not shaped like a HCPCS modifier' },
      { record: 6, reason: 'continuation of A0080 without its first record' },
    ])
  })

  it('names the missing columns when the text is not a HCPCS file', () => {
    expect(parseHcpcsFile('HCPC,RECID\nA1,7')).toEqual({ rows: [], skipped: [{ record: 1, reason: 'no description, effective, termination column: not a HCPCS file' }] })
  })
})
