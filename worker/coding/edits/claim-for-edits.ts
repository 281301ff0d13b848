import type { ClaimInput } from '../../contracts'
import type { EditClaim } from './types'

/**
 * The edits' view of a submitted claim: the patient's age on the date of service instead of the date of
 * birth, so nothing downstream of this call holds the birth date.
 */
export function claimForEdits(input: ClaimInput): EditClaim {
  const claim: EditClaim = { serviceDate: input.serviceDate, diagnoses: input.diagnoses, lines: input.lines }
  if (input.patient) claim.patient = { sex: input.patient.sex, ageYears: ageOn(input.patient.dateOfBirth, input.serviceDate) }
  return claim
}

/** Whole years between two YYYY-MM-DD dates, as a payer counts age (the birthday itself counts). */
export function ageOn(dateOfBirth: string, serviceDate: string): number {
  const [by = 0, bm = 0, bd = 0] = dateOfBirth.split('-').map(Number)
  const [sy = 0, sm = 0, sd = 0] = serviceDate.split('-').map(Number)
  const beforeBirthday = sm < bm || (sm === bm && sd < bd)
  return Math.max(0, sy - by - (beforeBirthday ? 1 : 0))
}
