import { z } from 'zod'

// The minimal FHIR R4 shapes we emit, with the cardinalities the R4 spec requires of them (Claim,
// ClaimResponse, ExplanationOfBenefit, Bundle). The writers' return types are inferred from these, and
// tests parse every output through them.

const date = z.iso.date()
/** FHIR ids allow letters, digits, '-' and '.', at most 64: no '_' (ours are `clm_...`, see toFhirId). */
export const R4Id = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, { error: 'not a FHIR id' })
const uri = z.string().regex(/^[a-z][a-z0-9+.-]*:/, { error: 'an absolute URI' })

export const R4Coding = z.object({ system: uri, code: z.string().min(1), display: z.string().optional() })
export const R4CodeableConcept = z.object({ coding: z.array(R4Coding).min(1), text: z.string().optional() })
export const R4Identifier = z.object({ system: uri, value: z.string().min(1) })
export const R4Reference = z
  .object({ reference: z.string().min(1).optional(), identifier: R4Identifier.optional(), display: z.string().optional() })
  .refine((r) => r.reference !== undefined || r.identifier !== undefined || r.display !== undefined, { error: 'an empty reference' })
export const R4Money = z.object({
  value: z.number().refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
    error: 'USD amounts have at most two decimals',
  }),
  currency: z.literal('USD'),
})
export const R4Adjudication = z.object({ category: R4CodeableConcept, reason: R4CodeableConcept.optional(), amount: R4Money.optional() })

const use = z.enum(['claim', 'preauthorization', 'predetermination'])

export const R4Claim = z.object({
  resourceType: z.literal('Claim'),
  id: R4Id,
  identifier: z.array(R4Identifier).min(1),
  status: z.literal('active'),
  type: R4CodeableConcept,
  use,
  patient: R4Reference,
  billablePeriod: z.object({ start: date, end: date }).optional(),
  created: date,
  provider: R4Reference,
  insurer: R4Reference.optional(),
  priority: R4CodeableConcept,
  insurance: z.array(z.object({ sequence: z.int().positive(), focal: z.boolean(), coverage: R4Reference })).min(1),
  diagnosis: z.array(z.object({ sequence: z.int().positive(), diagnosisCodeableConcept: R4CodeableConcept })).min(1),
  item: z
    .array(
      z.object({
        sequence: z.int().positive(),
        diagnosisSequence: z.array(z.int().positive()).min(1),
        productOrService: R4CodeableConcept,
        modifier: z.array(R4CodeableConcept).optional(),
        servicedDate: date,
        locationCodeableConcept: R4CodeableConcept,
        quantity: z.object({ value: z.number().positive() }),
        unitPrice: R4Money.optional(),
        net: R4Money,
      }),
    )
    .min(1),
  total: R4Money,
})
export type R4Claim = z.infer<typeof R4Claim>

const outcome = z.enum(['queued', 'complete', 'error', 'partial'])

/** What a payer's answer (ClaimResponse or ExplanationOfBenefit) says first: whose claim, from whom, when. */
const payerAnswerHeader = {
  id: R4Id,
  status: z.literal('active'),
  type: R4CodeableConcept,
  use,
  patient: R4Reference,
  created: date,
  insurer: R4Reference,
}
const R4Total = z.object({ category: R4CodeableConcept, amount: R4Money })
const R4ProcessNote = z.object({ number: z.int().positive(), type: z.enum(['display', 'print', 'printoper']), text: z.string().min(1) })

export const R4ClaimResponse = z.object({
  resourceType: z.literal('ClaimResponse'),
  ...payerAnswerHeader,
  requestor: R4Reference.optional(),
  request: R4Reference,
  outcome,
  disposition: z.string().optional(),
  item: z.array(z.object({ itemSequence: z.int().positive(), adjudication: z.array(R4Adjudication).min(1) })).optional(),
  adjudication: z.array(R4Adjudication).optional(),
  total: z.array(R4Total).optional(),
  payment: z.object({ type: R4CodeableConcept, amount: R4Money }).optional(),
  processNote: z.array(R4ProcessNote).optional(),
  error: z.array(z.object({ code: R4CodeableConcept })).optional(),
})
export type R4ClaimResponse = z.infer<typeof R4ClaimResponse>

export const R4ExplanationOfBenefit = z.object({
  resourceType: z.literal('ExplanationOfBenefit'),
  ...payerAnswerHeader,
  provider: R4Reference,
  claim: R4Reference,
  claimResponse: R4Reference,
  outcome,
  insurance: z.array(z.object({ focal: z.boolean(), coverage: R4Reference })).min(1),
  item: z
    .array(z.object({ sequence: z.int().positive(), productOrService: R4CodeableConcept, servicedDate: date, adjudication: z.array(R4Adjudication).min(1) }))
    .min(1),
  adjudication: z.array(R4Adjudication).optional(),
  total: z.array(R4Total).min(1),
  payment: z.object({ amount: R4Money }),
  processNote: z.array(R4ProcessNote).optional(),
})
export type R4ExplanationOfBenefit = z.infer<typeof R4ExplanationOfBenefit>

export const R4Bundle = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('collection'),
  timestamp: z.string().optional(),
  entry: z.array(z.object({ fullUrl: uri.optional(), resource: z.discriminatedUnion('resourceType', [R4Claim, R4ClaimResponse, R4ExplanationOfBenefit]) })).min(1),
})
export type R4Bundle = z.infer<typeof R4Bundle>
