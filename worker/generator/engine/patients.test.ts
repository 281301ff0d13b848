import { describe, expect, it } from 'vitest'
import { epochDayOf } from './dates'
import { generatePatientPanel } from './patients'
import { PAYER_PROFILES } from './payers'

const ageOf = (birthDate: string) => (epochDayOf('2025-01-01') - epochDayOf(birthDate)) / 365.2425
const panel = (specialty: 'pediatrics' | 'cardiology' | 'family-medicine') =>
  generatePatientPanel({ seed: 3, size: 2_000, specialty, asOf: '2025-01-01', state: 'TX', city: 'Austin' })

describe('generatePatientPanel', () => {
  it('gives pediatrics children and cardiology mostly older adults', () => {
    expect(panel('pediatrics').every((p) => ageOf(p.birthDate) < 18)).toBe(true)
    const cardio = panel('cardiology').map((p) => ageOf(p.birthDate))
    expect(cardio.filter((a) => a >= 55).length / cardio.length).toBeGreaterThan(0.8)
  })

  it('puts most over-65s on Medicare with an MBI-shaped member id, and ids in each payer shape', () => {
    const patients = panel('family-medicine')
    const seniors = patients.filter((p) => ageOf(p.birthDate) >= 65)
    const onMedicare = seniors.filter((p) => p.coverage.payerId === '12502')
    expect(onMedicare.length / seniors.length).toBeGreaterThan(0.75)
    for (const p of onMedicare) expect(p.coverage.memberId).toMatch(/^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/)
    expect(new Set(patients.map((p) => p.coverage.payerId))).toEqual(new Set(PAYER_PROFILES.map((p) => p.payer.id)))
    expect(new Set(patients.map((p) => p.sex))).toEqual(new Set(['F', 'M']))
  })
})
