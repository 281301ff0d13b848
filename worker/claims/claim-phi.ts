import { z } from 'zod'
import { PatientAddress, type ClaimInput, type PatientInput } from '../contracts'
import { blindIndex, decryptOptional, encryptOptional, type Keyring } from '../identity/crypto'
import { ageOnDate } from './patient-age'

/** The sealed columns of `claims`, named as in the drizzle schema; key rotation walks this list too. */
export const CLAIM_PHI_COLUMNS = ['patientNameSealed', 'patientDobSealed', 'patientAddressSealed', 'memberIdSealed', 'noteSealed'] as const
export type ClaimPhiColumn = (typeof CLAIM_PHI_COLUMNS)[number]

/** Binds each ciphertext to its claim and column: a value copied to another row or column will not open. */
export const claimPhiAad = (column: ClaimPhiColumn, claimId: string) => `claims.${column}:${claimId}`

/** The sealed columns plus what stays in the clear: a keyed index, sex and the age group (risk features). */
export type SealedClaimPhi = Record<ClaimPhiColumn, string | null> & { memberIdIndex: string | null; patientSex: 'F' | 'M' | 'U' | null; patientAge: number | null }

export const NO_PHI: SealedClaimPhi = {
  patientNameSealed: null,
  patientDobSealed: null,
  patientAddressSealed: null,
  memberIdSealed: null,
  noteSealed: null,
  memberIdIndex: null,
  patientSex: null,
  patientAge: null,
}

const Name = z.object({ firstName: z.string(), lastName: z.string() })

/** The blind index kind for member ids: finds a patient's other claims (duplicates) without reading the id. */
export const MEMBER_ID_INDEX = 'member-id'

export async function sealClaimPhi(keyring: Keyring, claimId: string, input: Pick<ClaimInput, 'patient' | 'note' | 'serviceDate'>): Promise<SealedClaimPhi> {
  const p = input.patient
  const seal = (column: ClaimPhiColumn, value: string | undefined) => encryptOptional(keyring, value, claimPhiAad(column, claimId))
  const [patientNameSealed, patientDobSealed, patientAddressSealed, memberIdSealed, noteSealed, memberIdIndex] = await Promise.all([
    seal('patientNameSealed', p ? JSON.stringify({ firstName: p.firstName, lastName: p.lastName }) : undefined),
    seal('patientDobSealed', p?.dateOfBirth),
    seal('patientAddressSealed', p?.address ? JSON.stringify(p.address) : undefined),
    seal('memberIdSealed', p?.memberId),
    seal('noteSealed', input.note),
    p ? blindIndex(keyring, MEMBER_ID_INDEX, p.memberId) : Promise.resolve(null),
  ])
  return { patientNameSealed, patientDobSealed, patientAddressSealed, memberIdSealed, noteSealed, memberIdIndex, patientSex: p?.sex ?? null, patientAge: p ? ageOnDate(p.dateOfBirth, input.serviceDate) : null }
}

/** A sealed value that will not open means tampering or a lost key: an error, never silently empty. */
export class SealedFieldUnreadable extends Error {
  override name = 'SealedFieldUnreadable'
}

async function open(keyring: Keyring, row: Partial<SealedClaimPhi> & { id: string }, column: ClaimPhiColumn): Promise<string | null> {
  const opened = await decryptOptional(keyring, row[column] ?? null, claimPhiAad(column, row.id))
  if (!opened.ok) throw new SealedFieldUnreadable(`${column} of ${row.id}: ${opened.reason}`)
  return opened.value
}

export async function openClaimPhi(keyring: Keyring, row: Partial<SealedClaimPhi> & { id: string }): Promise<{ patient: Required<Pick<PatientInput, 'sex'>> & PatientInput | null; note: string | null }> {
  const [name, dob, address, memberId, note] = await Promise.all(CLAIM_PHI_COLUMNS.map((c) => open(keyring, row, c)))
  const patient =
    name && dob && memberId
      ? { ...Name.parse(JSON.parse(name)), dateOfBirth: dob, sex: row.patientSex ?? 'U', memberId, ...(address ? { address: PatientAddress.parse(JSON.parse(address)) } : {}) }
      : null
  return { patient, note: note ?? null }
}

export function hasPhi(row: Partial<SealedClaimPhi>): boolean {
  return CLAIM_PHI_COLUMNS.some((c) => row[c] != null)
}
