import { describe, expect, it } from 'vitest'
import { FEATURE_NAMES } from './feature-catalogue'
import { replayHistory } from './history-replay'
import { explainContributions } from './reasons'
import { historyClaim } from './test-subjects'

describe('explainContributions', () => {
  const past = Array.from({ length: 10 }, (_, i) => historyClaim({ payerName: 'Aetna', adjudicatedDate: '2026-01-20', submittedDate: '2026-01-02', paidInFull: i >= 3, patientKey: `p${i}` }))
  const claim = historyClaim({ submittedDate: '2026-02-01', adjudicatedDate: '2026-03-01', lines: [{ procedureCode: '99214', modifiers: [], units: 1 }, { procedureCode: '20610', modifiers: [], units: 1 }], patientKey: 'probe' })
  const { rows } = replayHistory([...past, claim])
  const evidence = rows.at(-1)!.evidence
  const contributions = new Float64Array(FEATURE_NAMES.length)
  contributions[FEATURE_NAMES.indexOf('payer_cpt_not_paid_rate')] = -0.9
  contributions[FEATURE_NAMES.indexOf('modifier_25_missing')] = -0.4
  contributions[FEATURE_NAMES.indexOf('billed_cents')] = -0.01
  contributions[FEATURE_NAMES.indexOf('patient_age')] = 0.5

  it('names the strongest pulls toward non-payment first, in words with their figures', () => {
    const reasons = explainContributions(FEATURE_NAMES, contributions, evidence)
    expect(reasons.map((r) => r.feature)).toEqual(['payer_cpt_not_paid_rate', 'modifier_25_missing'])
    expect(reasons[0]!.message).toBe('Aetna did not pay 30% of 99214 claims in full in the last 12 months (10 claims).')
    expect(reasons[1]).toMatchObject({ group: 'coding', code: 'risk.modifier_25_missing' })
    expect(reasons[1]!.message).toContain('99214 is billed with 20610 the same day without modifier 25')
  })

  it('gives no reasons when nothing pulls the score down', () => {
    expect(explainContributions(FEATURE_NAMES, new Float64Array(FEATURE_NAMES.length), evidence)).toEqual([])
  })
})
