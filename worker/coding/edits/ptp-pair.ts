/**
 * 0: never billable together, no modifier helps. 1: billable together with an NCCI-associated modifier
 * when the services were distinct. 9: the edit does not apply (deleted on its effective date).
 */
export type PtpModifierIndicator = 0 | 1 | 9

/** One NCCI procedure-to-procedure edit: column 2 is not paid with column 1 on the same day by the same provider. */
export type PtpPair = {
  column1: string
  column2: string
  /** YYYYMMDD. */
  effective: string
  /** YYYYMMDD, the last day in force; null while in force. */
  deletion: string | null
  modifierIndicator: PtpModifierIndicator
  rationale?: string
}
