import { describe, expect, it } from 'vitest'
import { validateAnswer } from './validate-answer'

const text = 'Assessment: type 2 diabetes mellitus without complications.\nPlan: office visit.'
const item = (code: string, confidence: number, evidence: string) => ({ code, confidence, evidence })

describe('validateAnswer', () => {
  it('keeps a code proposed twice once, at its higher confidence', () => {
    const result = validateAnswer({ diagnoses: [item('E11.9', 0.6, 'type 2 diabetes'), item('E119', 0.9, 'type 2 diabetes')], procedures: [] }, text, 'workers-ai')
    expect(result.ok && result.accepted.map((c) => [c.code, c.confidence])).toEqual([['E119', 0.9]])
  })

  it('finds evidence whatever its case and line wrapping, and halves the confidence of a code whose evidence is not in the text', () => {
    const result = validateAnswer(
      { diagnoses: [item('E11.9', 0.8, 'Type 2 Diabetes   mellitus'), item('I10', 0.8, 'high blood pressure')], procedures: [] },
      text,
      'workers-ai',
    )
    expect(result.ok && result.accepted).toEqual([
      { system: 'icd10cm', code: 'E119', confidence: 0.8, engine: 'workers-ai', evidence: [{ start: 12, end: 36 }] },
      { system: 'icd10cm', code: 'I10', confidence: 0.4, engine: 'workers-ai', evidence: [] },
    ])
  })

  it('takes a missing procedures list as none, and rejects an answer that is not the envelope', () => {
    expect(validateAnswer({ diagnoses: [] }, text, 'workers-ai')).toEqual({ ok: true, accepted: [], rejected: [] })
    expect(validateAnswer([1, 2], text, 'workers-ai')).toMatchObject({ ok: false, reason: 'wrong-shape' })
    expect(validateAnswer({ diagnoses: 'E11.9' }, text, 'workers-ai')).toMatchObject({ ok: false, reason: 'wrong-shape', detail: expect.stringContaining('diagnoses') as string })
  })
})

describe('validateAnswer, spelling', () => {
  it('takes codes in lower case or with spaces around them, as models sometimes write them', () => {
    const result = validateAnswer({ diagnoses: [item(' e11.9 ', 0.8, 'type 2 diabetes')], procedures: [item('g0102', 0.5, 'office visit')] }, text, 'workers-ai')
    expect(result.ok && result.accepted.map((c) => c.code)).toEqual(['E119', 'G0102'])
  })
})
