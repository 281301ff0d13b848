import { toClaimInput } from '../claims/claim-record'
import { isApprovedForPayout, scoreClaimByRules } from '../risk'
import type { StepHandler } from './run-step'
import { isoDay } from './moves'

/**
 * coded -> scored -> approved | rejected, in one commit. The score is the transparent rule score
 * until the gradient-boosted model lands; the decision is its own event so the timeline shows both.
 */
export const scoreStep: StepHandler = async (deps, claim) => {
  const now = deps.now()
  const { score, reasons } = scoreClaimByRules({ claim: toClaimInput(claim), today: isoDay(now) })
  const threshold = deps.config.scoreThreshold
  const approved = isApprovedForPayout(score, threshold)
  const scored = { to: 'scored' as const, step: 'score', detail: { engine: 'rule-score', score } }
  if (approved) {
    return deps.store.commit(claim, [scored, { to: 'approved', step: 'score', detail: { threshold } }], { score, scoreReasons: reasons }, {}, now.toISOString())
  }
  const rejectReasons = [
    {
      code: 'score-below-threshold',
      message: `Risk score ${score} is not above ${threshold}, so this claim is not eligible for same-day payout.`,
    },
  ]
  return deps.store.commit(
    claim,
    [scored, { to: 'rejected', step: 'score', detail: { threshold } }],
    { score, scoreReasons: reasons, rejectReasons },
    {},
    now.toISOString(),
  )
}
