import { describe, expect, it } from 'vitest'
import type { CodeSuggestion } from './code-suggestion'
import { mergeByConfidence } from './merge-by-confidence'

const code = (system: CodeSuggestion['system'], c: string, confidence: number, engine: string): CodeSuggestion => ({ system, code: c, confidence, engine, evidence: [] })

describe('mergeByConfidence', () => {
  it('keeps the more confident proposal of a code whole, with its engine', () => {
    const local = [code('icd10cm', 'E119', 0.7, 'local'), code('icd10cm', 'I10', 0.95, 'local')]
    const ai = [code('icd10cm', 'E119', 0.9, 'workers-ai'), code('icd10cm', 'I10', 0.6, 'workers-ai')]
    expect(mergeByConfidence(local, ai)).toEqual([code('icd10cm', 'I10', 0.95, 'local'), code('icd10cm', 'E119', 0.9, 'workers-ai')])
  })

  it('adds codes only one engine found, diagnoses first, each system by confidence', () => {
    const merged = mergeByConfidence([code('procedure', '99213', 0.8, 'local'), code('icd10cm', 'E119', 0.5, 'local')], [code('procedure', '85025', 0.9, 'workers-ai')])
    expect(merged.map((c) => [c.code, c.engine])).toEqual([
      ['E119', 'local'],
      ['85025', 'workers-ai'],
      ['99213', 'local'],
    ])
  })

  it('gives a tie to the local engine and treats E11.9 and E119 as one code', () => {
    expect(mergeByConfidence([code('icd10cm', 'E119', 0.8, 'local')], [code('icd10cm', 'E11.9', 0.8, 'workers-ai')])).toEqual([code('icd10cm', 'E119', 0.8, 'local')])
  })

  it('drops AI codes that are not billable or known, or whose confidence is out of range, however confident', () => {
    const ai = [code('icd10cm', 'E11', 0.99, 'workers-ai'), code('icd10cm', 'Q9999', 0.99, 'workers-ai'), code('procedure', '99999', 0.99, 'workers-ai'), code('icd10cm', 'I10', 7, 'workers-ai')]
    expect(mergeByConfidence([code('icd10cm', 'E119', 0.5, 'local')], ai)).toEqual([code('icd10cm', 'E119', 0.5, 'local')])
  })
})
