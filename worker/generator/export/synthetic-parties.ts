// Parties the engine does not model (names, street addresses, ZIP codes), made up deterministically
// from ids the records already carry. Every name and street says it is synthetic.
import type { HistoryRecord, Provider } from '../engine'
import type { X12Address } from '../../payers/x12/model'

const DAY_MS = 86_400_000
/** The engine's year length (ageOn). */
const DAYS_PER_YEAR = 365.2425

const FIRST_F = ['ALICE', 'BEATRIX', 'CLARA', 'DORA', 'EDITH', 'FLORA', 'GRETA', 'HELGA']
const FIRST_M = ['ARTHUR', 'BORIS', 'CYRIL', 'DESMOND', 'EDGAR', 'FELIX', 'GIDEON', 'HUGO']
const LAST = ['SYNTHETICA', 'FAKEWELL', 'TESTERSON', 'SAMPLEBY', 'MOCKFORD', 'DUMMIER']

// One plausible 5-digit ZIP per state the engine places practices in (downtown of its usual city).
const ZIP_BY_STATE: Readonly<Record<string, string>> = { TX: '78701', OH: '43215', CO: '80202', NC: '27601', FL: '33602', AZ: '85004', WI: '53703' }

/** FNV-1a: a stable small hash, so the same patient id always gets the same fake name. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export function syntheticPatientName(patient: HistoryRecord['patient']): { first: string; last: string } {
  const h = stableHash(patient.id)
  const firsts = patient.sex === 'F' ? FIRST_F : FIRST_M
  return { first: firsts[h % firsts.length]!, last: LAST[(h >>> 8) % LAST.length]! }
}

export function practiceAddress(provider: Provider): X12Address {
  return { line1: '1 SYNTHETIC PLAZA', city: provider.city, state: provider.state, postalCode: ZIP_BY_STATE[provider.state] ?? '99999' }
}

export function patientAddress(patient: HistoryRecord['patient'], provider: Provider): X12Address {
  return { ...practiceAddress(provider), line1: `${100 + (stableHash(patient.id) % 900)} FAKE STREET` }
}

/**
 * The engine keeps only the age on the service date (no birth date: it stands in for PHI). The reference
 * date is the claim's service date: we go back age + half a year (the middle of the year of life), so
 * the age on the service date is exactly `age` both by the calendar and by the engine's ageOn. One
 * patient's birth date can therefore differ by days between claims.
 */
export function birthDateFor(age: number, serviceDate: string): string {
  const serviceDay = Date.UTC(Number(serviceDate.slice(0, 4)), Number(serviceDate.slice(5, 7)) - 1, Number(serviceDate.slice(8, 10))) / DAY_MS
  return new Date((serviceDay - Math.floor((age + 0.5) * DAYS_PER_YEAR)) * DAY_MS).toISOString().slice(0, 10)
}
