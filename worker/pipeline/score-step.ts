import { toClaimInput } from '../claims'
import type { ClaimReason } from '../contracts'
import { computePayout } from '../payments'
import { isApprovedForPayout, scoreClaimByRules } from '../risk'
import type { StepHandler } from './run-step'
import { isoDay } from './moves'

/**
 * coded -> scored -> approved | rejected, in one commit. The score is the transparent rule score
 * until the gradient-boosted model lands; the decision is its own event so the timeline shows both.
 * Dates are judged as of the day the claim was received, so a retry or a re-drive days later scores
 * the claim the same.
 */
export const scoreStep: StepHandler = async (deps, claim) => {
  const at = deps.now().toISOString()
  const { score, reasons } = scoreClaimByRules({ claim: toClaimInput(claim), today: isoDay(new Date(claim.createdAt)) })
  const threshold = deps.config.scoreThreshold
  const scored = { to: 'scored' as const, step: 'score', detail: { engine: 'rule-score', score } }
  const decline = (rejectReasons: ClaimReason[]) =>
    deps.store.commit(claim, [scored, { to: 'rejected', step: 'score', detail: { threshold } }], { score, scoreReasons: reasons, rejectReasons }, {}, at)

  if (!isApprovedForPayout(score, threshold)) {
    return decline([
      {
        code: 'score-below-threshold',
        message: `Risk score ${score} is not above ${threshold}, so this claim is not eligible for same-day payout.`,
      },
    ])
  }
  // Decided here, not at payout: once approved a claim cannot be rejected, and a payout of nothing
  // cannot be sent.
  const cutBps = await deps.providerCutBps(claim.providerId)
  if (computePayout(claim.billedCents, cutBps) <= 0) {
    return decline([{ code: 'payout-below-minimum', message: 'After the cut, this claim would pay out nothing, so there is no same-day payout to make.' }])
  }
  return deps.store.commit(claim, [scored, { to: 'approved', step: 'score', detail: { threshold } }], { score, scoreReasons: reasons }, {}, at)
}
