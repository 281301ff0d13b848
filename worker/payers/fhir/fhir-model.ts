// What readFhirBundle produces: plain values, amounts in integer cents, dates as YYYY-MM-DD. Codes keep
// the system they came with (Synthea codes items in SNOMED CT and CVX, not CPT/ICD-10): mapping code
// systems is the coder's job, not the reader's.

export type FhirCoding = { system: string | null; code: string; display?: string }

/**
 * A reference as the bundle wrote it and what it points at:
 * - `local`: a resource in this bundle (by fullUrl, `Type/id` or a matching conditional identifier)
 * - `conditional`: `Type?identifier=system|value` whose target is not in the bundle (Synthea's
 *   Practitioners, Organizations and Locations); kept so a later lookup can resolve it
 * - `contained`: `#id`, a resource inside the referring one
 * - `external`: anything else (`Patient/123` of another server, a urn not in the bundle)
 */
export type FhirRef =
  | { kind: 'local'; raw: string; type: string; id: string }
  | { kind: 'conditional'; raw: string; type: string; system: string; value: string }
  | { kind: 'contained'; raw: string; id: string }
  | { kind: 'external'; raw: string; type?: string; id?: string }

export type FhirAddress = { lines: string[]; city?: string; state?: string; postalCode?: string; country?: string }

export type FhirIdentifier = { system: string | null; value: string; typeCode?: string }

export type FhirPatient = {
  id: string
  /** The official (or first) name: given names then family name, without prefixes. */
  name: string
  birthDate: string | null
  sex: 'female' | 'male' | 'other' | 'unknown'
  address?: FhirAddress
  /** The patient's identifiers (MRN, member ids...) except the SSN, which we have no use for. */
  memberIds: FhirIdentifier[]
}

export type FhirEncounter = {
  id: string
  patientRef: FhirRef | null
  status: string
  classCode: string | null
  types: FhirCoding[]
  start: string | null
  end: string | null
  /** The day of `start`, as written (the local date of its offset). */
  serviceDate: string | null
  providerRef: FhirRef | null
  practitionerRefs: FhirRef[]
}

export type FhirClaimItem = {
  sequence: number
  code: string
  system: string | null
  display?: string
  modifiers: FhirCoding[]
  quantity: number | null
  /** The line's net; 0 when the item carries none (Synthea's encounter item). */
  netCents: number
  diagnosisSequence: number[]
  servicedDate: string | null
  placeOfService: FhirCoding | null
}

/** A diagnosis is a code (claims we write) or a reference to a Condition (Synthea's claims). */
export type FhirClaimDiagnosis = { sequence: number; code: FhirCoding | null; conditionRef: FhirRef | null }

export type FhirClaimRecord = {
  id: string
  status: string
  type: string | null
  patientRef: FhirRef | null
  providerRef: FhirRef | null
  encounterRefs: FhirRef[]
  serviceDate: string | null
  totalCents: number | null
  items: FhirClaimItem[]
  diagnoses: FhirClaimDiagnosis[]
  /** The insurer's name (Claim.insurer display, else the focal coverage's display) or identifier value. */
  insurer: string | null
}

export type FhirAdjudicationAmount = { category: string; reason?: FhirCoding; amountCents: number | null }

export type FhirEobItem = { sequence: number; code: string | null; system: string | null; adjudication: FhirAdjudicationAmount[] }

export type FhirEob = {
  id: string
  claimRef: FhirRef | null
  patientRef: FhirRef | null
  outcome: string
  paymentCents: number | null
  items: FhirEobItem[]
  /** Claim-level adjudication (adjustments with their CARC reasons in the EOBs we write). */
  adjudication: FhirAdjudicationAmount[]
}

export type FhirCondition = {
  id: string
  patientRef: FhirRef | null
  encounterRef: FhirRef | null
  code: FhirCoding | null
  onsetDate: string | null
}

export type FhirProcedure = {
  id: string
  patientRef: FhirRef | null
  encounterRef: FhirRef | null
  code: FhirCoding | null
  performedDate: string | null
}

/** A clinical note (DocumentReference) with its text decoded. PHI: never log `text`. */
export type FhirNote = { id: string; encounterRef: FhirRef | null; contentType: string; text: string }

export type FhirIssue = {
  severity: 'error' | 'warning'
  /** 0-based index in Bundle.entry, null for the bundle itself. */
  entry: number | null
  resourceType?: string
  path: string
  message: string
}

export type FhirBundleRead = {
  patients: FhirPatient[]
  encounters: FhirEncounter[]
  claims: FhirClaimRecord[]
  eobs: FhirEob[]
  conditions: FhirCondition[]
  procedures: FhirProcedure[]
  notes: FhirNote[]
  issues: FhirIssue[]
}
