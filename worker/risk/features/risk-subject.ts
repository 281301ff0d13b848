/**
 * What the risk engine knows about one claim, the same whether it comes from uploaded history or from
 * the pipeline: codes and amounts, dates, the age group and sex, and (when the coder ran) its signals.
 * No names, dates of birth or member ids.
 */
export type RiskSubject = {
  providerId: string
  payerId: string
  payerName: string
  /** YYYY-MM-DD */
  serviceDate: string
  /** YYYY-MM-DD: the day the claim reached ClaimPay (or, for history, the payer). */
  submittedDate: string
  billedCents: number
  placeOfService: string | null
  lines: readonly { procedureCode: string; modifiers: readonly string[]; units: number }[]
  diagnoses: readonly string[]
  /** Age on the date of service, 90 for 90 or older; null when the claim has no patient. */
  patientAge: number | null
  patientSex: 'F' | 'M' | 'U' | null
  /** Null until the auto-coder reports its confidence and failed edits. */
  coder: { confidence: number; editsFailed: number } | null
}
