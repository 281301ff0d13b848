import { checkClaimForParse } from '../claims/parse-checks'
import { toClaimInput } from '../claims/claim-record'
import type { StepHandler } from './run-step'
import { isoDay, rejectMove } from './moves'

/** received -> parsed, or rejected with the reasons a biller can act on. */
export const parseStep: StepHandler = async (deps, claim) => {
  const now = deps.now()
  const check = checkClaimForParse(toClaimInput(claim), isoDay(now))
  if (!check.ok) return deps.store.commit(claim, [rejectMove('parse', check.reasons)], { rejectReasons: check.reasons }, {}, now.toISOString())
  return deps.store.commit(claim, [{ to: 'parsed', step: 'parse' }], {}, {}, now.toISOString())
}
