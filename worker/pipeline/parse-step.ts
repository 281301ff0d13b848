import { checkClaimForParse, toClaimInput } from '../claims'
import type { StepHandler } from './run-step'
import { isoDay, rejectMove } from './moves'

/**
 * received -> parsed, or rejected with the reasons a biller can act on. Dates are checked against
 * the day the claim was received, so a retry after midnight decides the same way.
 */
export const parseStep: StepHandler = async (deps, claim) => {
  const at = deps.now().toISOString()
  const check = checkClaimForParse(toClaimInput(claim), isoDay(new Date(claim.createdAt)))
  if (!check.ok) return deps.store.commit(claim, [rejectMove('parse', check.reasons)], { rejectReasons: check.reasons }, {}, at)
  return deps.store.commit(claim, [{ to: 'parsed', step: 'parse' }], {}, {}, at)
}
