import { z } from 'zod'

// The parts of FHIR R4 resources the reader uses, validated as untrusted input. Unknown fields are
// dropped; a field we use that has the wrong type makes the resource an issue, never a cast.

export const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() })
export const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() })
export const Identifier = z.object({ system: z.string().optional(), value: z.string().optional(), type: CodeableConcept.optional() })
export const Reference = z.object({ reference: z.string().optional(), display: z.string().optional(), identifier: Identifier.optional() })
export const Money = z.object({ value: z.number(), currency: z.string().optional() })
export const Period = z.object({ start: z.string().optional(), end: z.string().optional() })

export const BundleEntry = z.object({
  fullUrl: z.string().optional(),
  resource: z.unknown(),
  request: z.object({ method: z.string(), url: z.string() }).optional(),
})

export const Bundle = z.object({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  entry: z.array(z.unknown()),
})

export const ResourceHeader = z.object({
  resourceType: z.string(),
  id: z.string().optional(),
  identifier: z.array(Identifier).optional(),
})

export const Patient = z.object({
  id: z.string(),
  name: z.array(z.object({ use: z.string().optional(), family: z.string().optional(), given: z.array(z.string()).optional(), text: z.string().optional() })).optional(),
  birthDate: z.string().optional(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).optional(),
  address: z
    .array(z.object({ line: z.array(z.string()).optional(), city: z.string().optional(), state: z.string().optional(), postalCode: z.string().optional(), country: z.string().optional() }))
    .optional(),
  identifier: z.array(Identifier).optional(),
})

export const Encounter = z.object({
  id: z.string(),
  status: z.string(),
  class: Coding.optional(),
  type: z.array(CodeableConcept).optional(),
  subject: Reference.optional(),
  participant: z.array(z.object({ individual: Reference.optional() })).optional(),
  period: Period.optional(),
  serviceProvider: Reference.optional(),
})

const ClaimItem = z.object({
  sequence: z.int().positive(),
  productOrService: CodeableConcept,
  modifier: z.array(CodeableConcept).optional(),
  quantity: z.object({ value: z.number() }).optional(),
  net: Money.optional(),
  diagnosisSequence: z.array(z.int().positive()).optional(),
  servicedDate: z.string().optional(),
  servicedPeriod: Period.optional(),
  locationCodeableConcept: CodeableConcept.optional(),
  encounter: z.array(Reference).optional(),
})

export const Claim = z.object({
  id: z.string(),
  status: z.string(),
  type: CodeableConcept.optional(),
  patient: Reference.optional(),
  provider: Reference.optional(),
  insurer: Reference.optional(),
  billablePeriod: Period.optional(),
  insurance: z.array(z.object({ focal: z.boolean().optional(), coverage: Reference.optional() })).optional(),
  diagnosis: z
    .array(z.object({ sequence: z.int().positive(), diagnosisCodeableConcept: CodeableConcept.optional(), diagnosisReference: Reference.optional() }))
    .optional(),
  item: z.array(ClaimItem).optional(),
  total: Money.optional(),
})

const Adjudication = z.object({ category: CodeableConcept, reason: CodeableConcept.optional(), amount: Money.optional() })

export const ExplanationOfBenefit = z.object({
  id: z.string(),
  outcome: z.string(),
  claim: Reference.optional(),
  patient: Reference.optional(),
  payment: z.object({ amount: Money.optional() }).optional(),
  item: z.array(z.object({ sequence: z.int().positive(), productOrService: CodeableConcept.optional(), adjudication: z.array(Adjudication).optional() })).optional(),
  adjudication: z.array(Adjudication).optional(),
})

export const Condition = z.object({
  id: z.string(),
  code: CodeableConcept.optional(),
  subject: Reference.optional(),
  encounter: Reference.optional(),
  onsetDateTime: z.string().optional(),
})

export const Procedure = z.object({
  id: z.string(),
  code: CodeableConcept.optional(),
  subject: Reference.optional(),
  encounter: Reference.optional(),
  performedDateTime: z.string().optional(),
  performedPeriod: Period.optional(),
})

export const DocumentReference = z.object({
  id: z.string(),
  content: z.array(z.object({ attachment: z.object({ contentType: z.string().optional(), data: z.string().optional() }) })).min(1),
  context: z.object({ encounter: z.array(Reference).optional() }).optional(),
})
