/**
 * MUE adjudication indicator. 1: per claim line (lines with 59, 76, 77, 91 or anatomic modifiers count
 * apart). 2: per day, absolute (policy; no appeal). 3: per day, clinical (denied, can be appealed with records).
 */
export type MueAdjudication = 1 | 2 | 3

/** The most units of a code one provider bills one patient: per line or per day, by `adjudication`. */
export type MueLimit = {
  code: string
  units: number
  /** Unknown when the source did not say: the edits then apply the stricter per-day sum. */
  adjudication: MueAdjudication | null
  rationale?: string
}
