import { describe, expect, it } from 'vitest'
import { featureColumn } from './build-features'
import { replayHistory } from './history-replay'
import { PRIOR_STRENGTH } from './smoothing'
import { historyClaim } from './test-subjects'

const value = (row: { values: Float64Array }, name: Parameters<typeof featureColumn>[0]) => row.values[featureColumn(name)]!

describe('replayHistory', () => {
  it('counts an outcome only once it was adjudicated before the claim was submitted', () => {
    const early = historyClaim({ submittedDate: '2026-01-02', adjudicatedDate: '2026-01-20', paidInFull: false })
    const beforeResult = historyClaim({ submittedDate: '2026-01-10', adjudicatedDate: '2026-02-10', patientKey: 'pk2' })
    const afterResult = historyClaim({ submittedDate: '2026-01-25', adjudicatedDate: '2026-02-20', patientKey: 'pk3' })
    const { rows, labels } = replayHistory([afterResult, early, beforeResult])
    expect(labels).toEqual([0, 1, 1])
    // The first claim and the one submitted before any result have no history at all: rates missing.
    expect(value(rows[0]!, 'payer_not_paid_rate')).toBeNaN()
    expect(value(rows[1]!, 'payer_cpt_claims')).toBe(0)
    // After the denial of the first: one claim, one not paid, and the prior is that same 100%.
    expect(value(rows[2]!, 'payer_cpt_claims')).toBe(1)
    expect(value(rows[2]!, 'payer_not_paid_rate')).toBeCloseTo(1)
  })

  it('smooths a thin rate toward the overall one', () => {
    const paid = Array.from({ length: 9 }, (_, i) => historyClaim({ payerId: 'CIGNA', submittedDate: '2026-01-02', adjudicatedDate: '2026-01-10', patientKey: `p${i}` }))
    const denied = historyClaim({ payerId: 'AETNA', submittedDate: '2026-01-02', adjudicatedDate: '2026-01-10', paidInFull: false, patientKey: 'px' })
    const probe = historyClaim({ payerId: 'AETNA', submittedDate: '2026-03-01', adjudicatedDate: '2026-04-01', patientKey: 'py' })
    const { rows } = replayHistory([...paid, denied, probe])
    const prior = 1 / 10
    expect(value(rows.at(-1)!, 'payer_not_paid_rate')).toBeCloseTo((1 + PRIOR_STRENGTH * prior) / (1 + PRIOR_STRENGTH))
  })

  it('looks back twelve months for rates but remembers tenure for ever', () => {
    const old = historyClaim({ submittedDate: '2024-01-02', adjudicatedDate: '2024-01-20', paidInFull: false })
    const probe = historyClaim({ submittedDate: '2026-03-01', adjudicatedDate: '2026-04-01', patientKey: 'pk9' })
    const { rows } = replayHistory([old, probe])
    expect(value(rows[1]!, 'payer_cpt_claims')).toBe(0)
    expect(value(rows[1]!, 'provider_tenure_months')).toBe(26)
  })

  it('counts earlier claims for the same patient, date of service and procedure as suspected duplicates', () => {
    const first = historyClaim({ submittedDate: '2026-01-07' })
    const again = historyClaim({ submittedDate: '2026-01-21', adjudicatedDate: '2026-02-15' })
    const otherDay = historyClaim({ submittedDate: '2026-01-22', serviceDate: '2026-01-06' })
    const noKey = historyClaim({ submittedDate: '2026-01-23', patientKey: null })
    const { rows } = replayHistory([first, again, otherDay, noKey])
    expect(rows.map((r) => value(r, 'duplicate_suspect'))).toEqual([0, 1, 0, Number.NaN])
  })
})
