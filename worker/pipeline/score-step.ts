import { MAX_RECODES } from '../claims'
import type { ClaimReason } from '../contracts'
import { computePayout } from '../payments'
import { isApprovedForPayout } from '../risk'
import type { RiskAssessment } from '../risk/store/pipeline-risk'
import { decideCut } from './pay-step'
import type { StepHandler } from './run-step'

/**
 * coded -> scored -> approved | rejected | needs_recode, in one commit. The active risk model scores
 * the claim from its D1 features (the rule score stands in until a first model is active). Below the
 * threshold, a claim held back by how it was coded goes back to the coder, a bounded number of times,
 * and the reasons are kept as a training example for the coder; any other claim is rejected with them.
 */
export const scoreStep: StepHandler = async (deps, claim) => {
  const at = deps.now().toISOString()
  const assessment = await deps.risk.assess(claim)
  const threshold = await deps.risk.threshold()
  const { score } = assessment
  const reasons: ClaimReason[] = assessment.reasons.map(({ code, message }) => ({ code, message }))
  const modelVersion = assessment.engine === 'gbdt' ? assessment.modelVersion : undefined
  const scored = { to: 'scored' as const, step: 'score', detail: { engine: assessment.engine, score, ...(modelVersion !== undefined ? { modelVersion } : {}) } }
  const patch = { score, scoreReasons: reasons, ...(modelVersion !== undefined ? { riskModelVersion: modelVersion } : {}) }
  const decline = (rejectReasons: ClaimReason[]) =>
    deps.store.commit(claim, [scored, { to: 'rejected', step: 'score', detail: { threshold } }], { ...patch, rejectReasons }, {}, at)

  if (!isApprovedForPayout(score, threshold)) {
    if (assessment.engine === 'gbdt' && codingReasons(assessment).length > 0 && claim.recodeCount < MAX_RECODES) {
      return deps.store.commit(
        claim,
        [scored, { to: 'needs_recode', step: 'score', detail: { threshold, attempt: claim.recodeCount + 1 } }],
        { ...patch, recodeCount: claim.recodeCount + 1 },
        { coderSignal: { modelVersion: assessment.modelVersion, reasons: codingReasons(assessment) } },
        at,
      )
    }
    return decline([
      {
        code: 'score-below-threshold',
        message: `Risk score ${score} is not above ${threshold}, so this claim is not eligible for same-day payout; the reasons are listed with the score.`,
      },
    ])
  }
  // Decided here, not at payout: once approved a claim cannot be rejected, and a payout of nothing
  // cannot be sent.
  const { cutBps } = await decideCut(deps, { ...claim, score }, 'score', new Date(at))
  if (computePayout(claim.billedCents, cutBps) <= 0) {
    return decline([{ code: 'payout-below-minimum', message: 'After the cut, this claim would pay out nothing, so there is no same-day payout to make.' }])
  }
  return deps.store.commit(claim, [scored, { to: 'approved', step: 'score', detail: { threshold } }], patch, {}, at)
}

function codingReasons(assessment: Extract<RiskAssessment, { engine: 'gbdt' }>): ClaimReason[] {
  return assessment.reasons.filter((r) => r.group === 'coding').map(({ code, message }) => ({ code, message }))
}
