import { describe, expect, it } from 'vitest'
import { isBillableIcd10, isKnownProcedureCode } from '../code-sets'
import { CodedClaim } from './coded-claim'
import { codeNoteLocally } from './code-note'

const codes = (text: string) => codeNoteLocally(text).diagnoses.map((d) => d.code)

const NOTE = [
  'CC: cough and congestion',
  'HPI: 45 y/o female presents with cough and congestion.',
  'History of HTN.',
  'ROS: Denies chest pain. No fever or chills.',
  'Exam: afebrile, vitals stable. Lungs clear.',
  'Procedures: ECG, 12-lead, with interpretation and report.',
  'A/P:',
  '1. Acute upper respiratory infection, unspecified',
  '2. Essential (primary) hypertension',
  '3. No evidence of pneumonia',
  'f/u PRN.',
  'Total time on the date of the encounter: 25 minutes.',
].join('\n')

describe('codeNoteLocally', () => {
  it('codes the assessment, in order, with evidence that points at the words', () => {
    const claim = codeNoteLocally(NOTE)
    expect(claim.diagnoses.map((d) => d.code)).toEqual(['J06.9', 'I10'])
    const htn = claim.diagnoses[1]!
    expect(htn.engine).toBe('local')
    expect(htn.evidence.length).toBeGreaterThan(0)
    for (const span of htn.evidence) expect(NOTE.slice(span.start, span.end)).toBe(span.text)
    expect(CodedClaim.safeParse(claim).success).toBe(true)
  })

  it('does not code negated findings', () => {
    expect(codes(NOTE)).not.toContain('R07.9')
    expect(codes(NOTE).some((c) => c.startsWith('J18'))).toBe(false)
    expect(codes('denies chest pain')).toEqual([])
    expect(codes('no evidence of pneumonia')).toEqual([])
    const note = 'HPI: presents for follow-up. Patient denies chest pain or shortness of breath. Reports heartburn after meals.'
    expect(codes(note)).toEqual(['K21.9'])
  })

  it('does not code family history, nor a resolved condition as current', () => {
    expect(codes('HPI: here for check. Mother had breast cancer. Father with diabetes. Complains of knee pain.')).toEqual(['M25.569'])
    expect(codes('history of heart attack')[0]).toBe('I25.2')
  })

  it('resolves lay terms and abbreviations to the right code', () => {
    expect(codes('heart attack')[0]).toBe('I21.9')
    expect(codes('sugar diabetes')[0]).toBe('E11.9')
    expect(codes('pink eye')[0]).toBe('H10.9')
    expect(codes('HTN')[0]).toBe('I10')
    expect(codes('CHF')[0]).toBe('I50.9')
    expect(codes('COPD')[0]).toBe('J44.9')
    expect(codes('GERD')[0]).toBe('K21.9')
    expect(codes('UTI')[0]).toBe('N39.0')
    expect(codes('afib')[0]).toBe('I48.91')
  })

  it('uses combination codes and the documented laterality', () => {
    expect(codes('sugar diabetes with kidney damage')[0]).toBe('E11.22')
    expect(codes('uncontrolled type 2 diabetes')[0]).toBe('E11.65')
    expect(codes('right knee osteoarthritis')[0]).toBe('M17.11')
    expect(codes('left ear infection')[0]).toBe('H66.92')
    expect(codes('sprained left ankle')[0]).toBe('S93.402A')
  })

  it('selects the E/M level from documented time and adds procedures with units', () => {
    const claim = codeNoteLocally(NOTE)
    expect(claim.lines.map((l) => l.code)).toEqual(['99213', '93000'])
    const injection = codeNoteLocally(`${NOTE.replace('ECG, 12-lead, with interpretation and report', 'therapeutic intramuscular injection; ketorolac 15 mg x3 units')}`)
    expect(injection.lines.map((l) => [l.code, l.units, l.modifiers])).toEqual([['99213', 1, ['25']], ['96372', 1, []], ['J1885', 3, []]])
  })

  it('gives only billable, known codes on notes of any shape', () => {
    for (const text of [NOTE, 'x', '1234', '\u0000\u0001junk', 'OPERATIVE NOTE: PREOPERATIVE DIAGNOSIS: Cholelithiasis. POSTOPERATIVE DIAGNOSIS: Same.', 'a'.repeat(20_000)]) {
      const claim = codeNoteLocally(text)
      for (const d of claim.diagnoses) expect(isBillableIcd10(d.code)).toBe(true)
      for (const l of claim.lines) expect(isKnownProcedureCode(l.code)).toBe(true)
      expect(claim.confidence).toBeGreaterThanOrEqual(0)
    }
  })
})
