import { describe, expect, it } from 'vitest'
import { selectEmLevel } from './em-level'

const none = { diagnoses: 1, chronicWorse: false, tests: 0 }

describe('selectEmLevel', () => {
  it('uses the 2021 total-time thresholds for established patients', () => {
    expect(selectEmLevel('Total time on the date of the encounter: 12 minutes.', none).code).toBe('99212')
    expect(selectEmLevel('I spent 20 min with the patient and on documentation today.', none).code).toBe('99213')
    expect(selectEmLevel('Time: 39 minutes total.', none).code).toBe('99214')
    expect(selectEmLevel('Time: 40 minutes total.', none)).toMatchObject({ code: '99215', basis: 'time', minutes: 40 })
  })

  it('uses the new-patient thresholds when the note says so', () => {
    expect(selectEmLevel('New patient. Total time: 44 minutes.', none).code).toBe('99203')
    expect(selectEmLevel('New patient visit. Total time: 62 minutes.', none).code).toBe('99205')
  })

  it('falls back to medical decision making without documented time', () => {
    const low = selectEmLevel('Sore throat. Rest and fluids.', none)
    expect(low.basis).toBe('mdm')
    expect(low.code).toBe('99212')
    const moderate = selectEmLevel('COPD exacerbation. Start prednisone 40 mg daily.', { diagnoses: 2, chronicWorse: true, tests: 1 })
    expect(moderate.code).toBe('99214')
  })
})
