import { z } from 'zod'
import { ClaimStatus } from './claim-status'

const isoDate = z.iso.date({ error: 'must be a date as YYYY-MM-DD' })

/** ICD-10-CM as written on a claim: the dot is optional and dropped (X12 HI carries codes without it). */
export const Icd10Code = z
  .string()
  .trim()
  .transform((s) => s.replace('.', '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z][0-9][0-9A-Z]{1,5}$/, { error: 'is not shaped like an ICD-10-CM code' }))

/** CPT (5 digits; or 4 digits + F Category II, M multianalyte assay, T Category III, U lab analysis) or HCPCS Level II (letter + 4 digits). */
export const ProcedureCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9]{4}[0-9FMTU]|[A-V][0-9]{4})$/, { error: 'is not shaped like a CPT or HCPCS code' })

export const Modifier = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{2}$/, { error: 'a modifier is two letters or digits' })

export const ClaimLineInput = z.object({
  procedureCode: ProcedureCode,
  modifiers: z.array(Modifier).max(4, { error: 'at most 4 modifiers per line' }).default([]),
  units: z.int().min(1).max(9999).default(1),
  chargeCents: z.int().min(1, { error: 'a line charge is a positive number of cents' }).max(100_000_000),
  /** 1-based positions in `diagnoses`, most important first (X12 SV107 allows four). */
  diagnosisPointers: z.array(z.int().min(1).max(12)).min(1).max(4).default([1]),
})
export type ClaimLineInput = z.infer<typeof ClaimLineInput>

export const PayerInput = z.object({
  id: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1).max(60),
})

const text = (max: number) => z.string().trim().min(1).max(max)

export const PatientAddress = z.object({
  line1: text(55),
  line2: text(55).optional(),
  city: text(30),
  state: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: 'a state is its two-letter code' }),
  postalCode: z.string().trim().regex(/^[0-9]{5}(-?[0-9]{4})?$/, { error: 'a ZIP code is 5 or 9 digits' }),
})

/**
 * The patient (X12 subscriber/patient loops). PHI: sealed field by field before it is stored, never
 * logged, never echoed in an error, and read back only on a claim's own page (each read is audited).
 */
export const PatientInput = z.object({
  firstName: text(35),
  lastName: text(60),
  dateOfBirth: isoDate,
  sex: z.enum(['F', 'M', 'U']).default('U'),
  memberId: text(80),
  address: PatientAddress.optional(),
})
export type PatientInput = z.infer<typeof PatientInput>

/**
 * One claim as a provider submits it. `claimNumber` is the provider's own patient control number
 * (X12 CLM01, at most 38 characters). `patient` and `note` (the clinical note) are PHI.
 */
export const ClaimInput = z.object({
  claimNumber: z.string().trim().min(1).max(38),
  payer: PayerInput,
  serviceDate: isoDate,
  placeOfService: z.string().regex(/^[0-9]{2}$/, { error: 'place of service is a two-digit CMS code' }).default('11'),
  diagnoses: z.array(Icd10Code).min(1, { error: 'at least one diagnosis' }).max(12, { error: 'at most 12 diagnoses' }),
  lines: z.array(ClaimLineInput).min(1, { error: 'at least one service line' }).max(50, { error: 'at most 50 service lines' }),
  patient: PatientInput.optional(),
  note: z.string().trim().min(1).max(20_000).optional(),
})
export type ClaimInput = z.infer<typeof ClaimInput>

export const ClaimReason = z.object({
  code: z.string(),
  message: z.string(),
})
export type ClaimReason = z.infer<typeof ClaimReason>

export const ClaimLine = ClaimLineInput.extend({ lineNumber: z.int() })
export type ClaimLine = z.infer<typeof ClaimLine>

export const Claim = z.object({
  id: z.string(),
  claimNumber: z.string(),
  status: ClaimStatus,
  version: z.int(),
  payer: PayerInput,
  serviceDate: z.string(),
  placeOfService: z.string(),
  billedCents: z.int(),
  diagnoses: z.array(z.string()),
  lines: z.array(ClaimLine),
  score: z.int().nullable(),
  scoreReasons: z.array(ClaimReason),
  /** The risk model version that scored the claim; null while unscored or scored by the fallback rules. */
  riskModelVersion: z.int().nullable(),
  cutBps: z.int().nullable(),
  payoutCents: z.int().nullable(),
  rejectReasons: z.array(ClaimReason),
  uploadId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Claim = z.infer<typeof Claim>

export const ClaimEvent = z.object({
  id: z.string(),
  claimId: z.string(),
  version: z.int(),
  fromStatus: ClaimStatus.nullable(),
  toStatus: ClaimStatus,
  step: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  at: z.string(),
})
export type ClaimEvent = z.infer<typeof ClaimEvent>

/** One claim's page: the claim, its timeline and, opened for this read, its patient and note. */
export const ClaimWithTimeline = Claim.extend({
  events: z.array(ClaimEvent),
  patient: PatientInput.extend({ sex: z.enum(['F', 'M', 'U']) }).nullable(),
  note: z.string().nullable(),
})
export type ClaimWithTimeline = z.infer<typeof ClaimWithTimeline>

const statusList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(ClaimStatus))

export const ClaimListQuery = z.object({
  status: statusList.optional(),
  /** Received on or after this date (UTC). */
  from: isoDate.optional(),
  /** Received on or before this date (UTC). */
  to: isoDate.optional(),
  /** Matches the claim id, claim number, payer and codes. */
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})
export type ClaimListQuery = z.infer<typeof ClaimListQuery>

export const ClaimPage = z.object({
  items: z.array(Claim),
  nextCursor: z.string().nullable(),
})
export type ClaimPage = z.infer<typeof ClaimPage>
