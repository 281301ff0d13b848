import { describe, expect, it } from 'vitest'
import { codingSignals } from './coding-signals'

const line = (procedureCode: string, modifiers: string[] = [], units = 1) => ({ procedureCode, modifiers, units })

describe('codingSignals', () => {
  it('flags a visit billed with a same-day procedure and no modifier 25, and not once 25 is there', () => {
    expect(codingSignals({ serviceDate: '2026-03-02', lines: [line('99214'), line('20610')] }).modifier25Missing).toEqual({ visit: '99214', procedure: '20610' })
    expect(codingSignals({ serviceDate: '2026-03-02', lines: [line('99214', ['25']), line('20610')] }).modifier25Missing).toBeNull()
    expect(codingSignals({ serviceDate: '2026-03-02', lines: [line('99214'), line('36415')] }).modifier25Missing).toBeNull()
  })

  it('finds NCCI pairs in force on the date of service unless a bypass modifier is allowed and present', () => {
    const pair = [line('0001U'), line('0030U')]
    expect(codingSignals({ serviceDate: '2026-03-02', lines: pair }).unbundledPairs).toEqual([{ column1: '0001U', column2: '0030U' }])
    expect(codingSignals({ serviceDate: '2026-03-02', lines: [line('0001U'), line('0030U', ['59'])] }).unbundledPairs).toEqual([])
    // 0001U/0029U was deleted on 2026-06-30.
    expect(codingSignals({ serviceDate: '2026-03-02', lines: [line('0001U'), line('0029U')] }).unbundledPairs).toHaveLength(1)
    expect(codingSignals({ serviceDate: '2026-08-01', lines: [line('0001U'), line('0029U')] }).unbundledPairs).toHaveLength(0)
  })

  it('reports the line furthest over its MUE limit, summing units of one code across lines', () => {
    const signals = codingSignals({ serviceDate: '2026-03-02', lines: [line('0001U', [], 1), line('0001U', [], 2), line('99214')] })
    expect(signals.worstMue).toEqual({ code: '0001U', units: 3, limit: 1, ratio: 3 })
    expect(codingSignals({ serviceDate: '2026-03-02', lines: [line('99214')] }).worstMue).toBeNull()
  })

  it('notes modifiers 25 and 59 (and the X modifiers) wherever they appear', () => {
    const signals = codingSignals({ serviceDate: '2026-03-02', lines: [line('99213', ['25']), line('11102', ['XS'])] })
    expect(signals).toMatchObject({ hasModifier25: true, hasModifier59: true })
  })
})
