import type { Patient } from '../../../generator/engine'

/** The people and facts one generated note is about. */
export type Person = { first: string; last: string; listed: boolean }

export type NoteCast = {
  patient: Patient
  age: number
  serviceDate: string
  otherDate: string
  relative: Person & { relation: string }
  clinician: Person
  colleague: Person
}
