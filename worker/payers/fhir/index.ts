export { readFhirBundle } from './read-bundle'
export type {
  FhirAdjudicationAmount,
  FhirBundleRead,
  FhirClaimDiagnosis,
  FhirClaimItem,
  FhirClaimRecord,
  FhirCoding,
  FhirCondition,
  FhirEncounter,
  FhirEob,
  FhirEobItem,
  FhirIssue,
  FhirNote,
  FhirPatient,
  FhirProcedure,
  FhirRef,
} from './fhir-model'
export { writeFhirClaim, writeFhirClaimBundle } from './write-claim-bundle'
export type { FhirClaimContext, WriteClaimBundleResult, WriteClaimResult } from './write-claim-bundle'
export { allocateCents, writeClaimResponse, writeExplanationOfBenefit } from './write-adjudication'
export type { FhirAdjudicationContext } from './write-adjudication'
export { ADJUSTMENT_GROUP_SYSTEM, AdjudicationResult, AdjustmentGroup, CARC_SYSTEM, ClaimAdjustment, ClaimRejection } from './adjudication-result'
export { R4Bundle, R4Claim, R4ClaimResponse, R4ExplanationOfBenefit } from './r4-schemas'
export { centsToFhirAmount, fhirAmountToCents } from './fhir-money'
export type { FhirCents } from './fhir-money'
export { CPT, HCPCS, ICD10CM, dottedIcd10, procedureSystem, toFhirId } from './code-systems'
