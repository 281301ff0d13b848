// The data the X12 readers produce and the writers consume: plain values, amounts in integer cents,
// dates as YYYY-MM-DD. One model per transaction set, independent of any one implementation guide
// version so that 4010 and 5010 files read into the same shapes.

export type X12Address = { line1: string; line2?: string; city: string; state: string; postalCode: string }

export type X12Party = {
  /** NM1 entity: '1' a person, '2' an organisation. */
  entityType: '1' | '2'
  /** Organisation name, or the person's last name. */
  lastOrOrganizationName: string
  firstName?: string
  /** NM108/NM109: 'XX' NPI, 'MI' member id, 'PI' payer id, '46' ETIN ... */
  idQualifier?: string
  id?: string
  address?: X12Address
}

export type X12Envelope = {
  senderId: string
  receiverId: string
  /** ISA13 interchange control number (9 digits). */
  interchangeControlNumber: string
  /** GS06 group control number. */
  groupControlNumber: string
  /** ST02 transaction set control number. */
  transactionControlNumber: string
  /** GS08 / ST03, e.g. 005010X222A1 (837P), 005010X221A1 (835), 004010X098A1. */
  implementationGuide: string
  /** ISA09/ISA10 and GS04/GS05 as an ISO date-time (UTC). */
  createdAt: string
  /** ISA15: 'P' production, 'T' test. */
  usage: 'P' | 'T'
}

export type X12ServiceLine837 = {
  /** LX01, 1-based. */
  lineNumber: number
  /** SV101-2 (SV201 revenue code lines of an 837I carry it in revenueCode). */
  procedureCode: string
  modifiers: string[]
  chargeCents: number
  /** SV103/SV104: 'UN' units or 'MJ' minutes. */
  unitBasis: string
  units: number
  placeOfService?: string
  /** SV107: 1-based pointers into the claim's diagnoses. */
  diagnosisPointers: number[]
  /** DTP*472 service date (the first day of a range). */
  serviceDate?: string
  revenueCode?: string
}

/** One claim of an 837 (CLM loop) with the parties of its hierarchy. */
export type X12Claim837 = {
  kind: '837P' | '837I'
  envelope: X12Envelope
  submitter: X12Party
  receiver: X12Party
  billingProvider: X12Party & { taxId?: string }
  renderingProvider?: X12Party
  subscriber: X12Party & { birthDate?: string; sex?: 'M' | 'F' | 'U' }
  /** Present when the patient is not the subscriber (2000C loop). */
  patient?: X12Party & { birthDate?: string; sex?: 'M' | 'F' | 'U'; relationship?: string }
  payer: X12Party
  /** CLM01: the provider's patient control number. */
  claimId: string
  /** CLM02. */
  totalChargeCents: number
  /** CLM05-1 place of service (837P) or facility type (837I); CLM05-3 frequency code. */
  placeOfService: string
  frequencyCode: string
  /** HI: ICD-10-CM (ABK principal / ABF other) or ICD-9 (BK/BF) codes, in order, without dots. */
  diagnoses: { qualifier: string; code: string }[]
  /** Prior authorisation (REF*G1), when present. */
  priorAuthorization?: string
  lines: X12ServiceLine837[]
}

export type X12Adjustment = {
  /** CAS01: CO contractual, PR patient responsibility, OA other, PI payer initiated, CR correction. */
  group: 'CO' | 'PR' | 'OA' | 'PI' | 'CR'
  /** CARC reason code. */
  reason: string
  amountCents: number
  quantity?: number
}

export type X12ServicePayment = {
  procedureCode: string
  modifiers: string[]
  chargeCents: number
  paidCents: number
  units?: number
  serviceDate?: string
  adjustments: X12Adjustment[]
  /** LQ*HE remark codes (RARC). */
  remarks: string[]
}

export type X12ClaimPayment = {
  /** CLP01: the provider's claim id from the 837 (CLM01). */
  claimId: string
  /** CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal ... */
  statusCode: string
  chargeCents: number
  paidCents: number
  patientResponsibilityCents: number
  /** CLP07. */
  payerClaimControlNumber: string
  adjustments: X12Adjustment[]
  services: X12ServicePayment[]
}

export type X12ProviderAdjustment = { providerId: string; fiscalPeriodDate: string; reason: string; referenceId?: string; amountCents: number }

/** An 835 remittance advice. */
export type X12Remittance835 = {
  envelope: X12Envelope
  /** BPR02 total actual provider payment (can be 0 for a denial-only remittance). */
  paymentCents: number
  /** BPR04: ACH, CHK, NON ... */
  paymentMethod: string
  /** BPR16 payment effective date. */
  paymentDate: string
  /** TRN02: check or EFT trace number. */
  traceNumber: string
  payer: X12Party
  payee: X12Party
  claims: X12ClaimPayment[]
  providerAdjustments: X12ProviderAdjustment[]
}

/** One claim's status in a 277CA claim acknowledgement. */
export type X12ClaimAcknowledgement = {
  claimId: string
  /** STC01-1 category: A1/A2 accepted, A3/A4/A6/A7/A8 rejected ... */
  category: string
  /** STC01-2 status code. */
  status: string
  chargeCents: number
  payerClaimControlNumber?: string
  message?: string
}

export type X12Ack277CA = { envelope: X12Envelope; claims: X12ClaimAcknowledgement[] }

/** A 999 implementation acknowledgement for one functional group. */
export type X12Ack999 = {
  envelope: X12Envelope
  acknowledgedGroupControlNumber: string
  /** AK901 / IK501: A accepted, E accepted with errors, R rejected, P partially accepted. */
  groupStatus: string
  transactions: { controlNumber: string; status: string; errors: { segmentId: string; position: number; code: string }[] }[]
}

/** A problem found while reading, never thrown: where it is and what is wrong. */
export type X12Issue = {
  /** 1-based segment position in the file (across interchanges), 0 for the file as a whole. */
  segment: number
  segmentId?: string
  message: string
}
