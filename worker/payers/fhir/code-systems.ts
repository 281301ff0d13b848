// Code system URIs as HL7 terminology (THO) names them, so other FHIR servers recognise our codes.
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm'
export const CPT = 'http://www.ama-assn.org/go/cpt'
export const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets'
export const NPI = 'http://hl7.org/fhir/sid/us-npi'
export const PLACE_OF_SERVICE = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set'
export const CLAIM_TYPE = 'http://terminology.hl7.org/CodeSystem/claim-type'
export const PROCESS_PRIORITY = 'http://terminology.hl7.org/CodeSystem/processpriority'
export const ADJUDICATION = 'http://terminology.hl7.org/CodeSystem/adjudication'
export const PAYMENT_TYPE = 'http://terminology.hl7.org/CodeSystem/ex-paymenttype'
export const CLAIMPAY_CLAIM = 'https://claimpay.example/fhir/sid/claim-id'
export const CLAIMPAY_CLAIM_NUMBER = 'https://claimpay.example/fhir/sid/patient-control-number'
export const CLAIMPAY_PAYER = 'https://claimpay.example/fhir/sid/payer-id'
export const CLAIMPAY_REJECTION = 'https://claimpay.example/fhir/CodeSystem/rejection-reason'

/** HCPCS Level II codes start with a letter; CPT (including Category II/III, 4 digits + F/T) with a digit. */
export function procedureSystem(code: string): string {
  return /^[A-Z]/.test(code) ? HCPCS : CPT
}

/** ICD-10-CM as the code system writes it: the dot after the category (E119 -> E11.9). */
export function dottedIcd10(code: string): string {
  const bare = code.replace('.', '')
  return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare
}

/** Our ids (`clm_01JD...`) as FHIR ids, which do not allow '_'; null when it cannot be one. */
export function toFhirId(id: string): string | null {
  const fhirId = id.replaceAll('_', '-')
  return /^[A-Za-z0-9\-.]{1,64}$/.test(fhirId) ? fhirId : null
}
