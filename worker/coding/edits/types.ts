/** Sex as carried on a claim (X12 DMG03): U when the provider did not send it. */
export type Sex = 'F' | 'M' | 'U'

/** One service line as the edits see it. `serviceDate` overrides the claim's when lines differ. */
export type EditLine = {
  procedureCode: string
  modifiers: readonly string[]
  units: number
  /** 1-based positions in the claim's `diagnoses`. */
  diagnosisPointers: readonly number[]
  serviceDate?: string
}

/**
 * A coded claim with only what the edits need. Age in whole years on the date of service, not the date
 * of birth: the edits never hold PHI beyond what a payer's front-end edits would see.
 */
export type EditClaim = {
  /** YYYY-MM-DD. */
  serviceDate: string
  /** ICD-10-CM, most important first, with or without the dot. */
  diagnoses: readonly string[]
  lines: readonly EditLine[]
  patient?: { ageYears?: number; sex?: Sex }
}

export type EditCode =
  | 'dx-header'
  | 'dx-unknown'
  | 'procedure-unknown'
  | 'dx-pointer-out-of-range'
  | 'ncci-ptp-bundled'
  | 'ncci-ptp-modifier-needed'
  | 'mue-exceeded'
  | 'em-modifier-25-missing'
  | 'dx-sex-conflict'
  | 'dx-age-conflict'
  | 'procedure-sex-conflict'
  | 'procedure-age-conflict'
  | 'duplicate-line'
  | 'dx-procedure-implausible'
  | 'modifier-discontinued'

/**
 * `deny`: a payer rejects or denies the line as billed. `review`: likely wrong, a biller should look
 * before the claim goes out (ClaimPay pays before the payer decides, so doubt costs money too).
 */
export type EditSeverity = 'deny' | 'review'

/** An edit the claim fails. `code` and `message` make it a `ClaimReason` as it stands. */
export type Edit = {
  code: EditCode
  severity: EditSeverity
  /** 1-based service lines involved, in claim order; empty for claim-level edits. */
  lines: number[]
  /** 1-based diagnosis positions involved. */
  diagnoses: number[]
  message: string
}
