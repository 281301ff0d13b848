import { toClaimInput } from '../claims'
import { validateClaimCodes } from '../coding'
import type { StepHandler } from './run-step'
import { rejectMove } from './moves'

/**
 * parsed -> coded. Until the auto-coder lands this stage checks the codes the provider submitted
 * against the official ICD-10-CM and HCPCS/CPT code sets; it does not suggest codes.
 */
export const codeStep: StepHandler = async (deps, claim) => {
  const at = deps.now().toISOString()
  const check = validateClaimCodes(toClaimInput(claim))
  if (!check.ok) return deps.store.commit(claim, [rejectMove('code', check.reasons)], { rejectReasons: check.reasons }, {}, at)
  return deps.store.commit(claim, [{ to: 'coded', step: 'code', detail: { engine: 'code-set-validation' } }], {}, {}, at)
}
