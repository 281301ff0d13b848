import mue from '../../../data/generator/mue-limits.json'
import ncci from '../../../data/generator/ncci-pairs.json'
import { ProcedureCode } from '../../contracts'

/** A procedure-to-procedure edit: column 2 is bundled into column 1 when both are billed the same day. */
export type NcciPair = { column1: string; column2: string; effective: string; deletion: string | null; modifierIndicator: number }
export type MueLimit = { code: string; units: number }

/** Copied from the CMS excerpts in ../shared/data/ncci-mue; provenance in data/generator/README.md. */
// Kept only where our claim contract accepts the code: it does not yet take CPT MAAA codes (e.g. 0013M).
const claimable = (code: string) => ProcedureCode.safeParse(code).success
export const NCCI_PAIRS: readonly NcciPair[] = ncci.pairs.filter((p) => claimable(p.column1) && claimable(p.column2))
export const MUE_LIMITS: readonly MueLimit[] = mue.limits.filter((m) => claimable(m.code))

const compact = (iso: string) => iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10)

/** Pairs in force on a service date (YYYY-MM-DD): effective on or before it, not deleted before it. */
export function ncciPairsOn(serviceDate: string): NcciPair[] {
  const d = compact(serviceDate)
  return NCCI_PAIRS.filter((p) => p.effective <= d && (p.deletion === null || p.deletion >= d))
}
