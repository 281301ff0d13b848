import { type StoredClaim, toStatusChange } from '../claims/claim-record'
import type { CommitResult } from '../claims/d1-claim-store'
import { type PipelineStep, stepHasWork } from '../claims/state-machine'
import type { PipelineDeps } from './deps'
import { forward } from './forward'

export type StepOutcome =
  | { kind: 'done'; claim: StoredClaim }
  | { kind: 'duplicate'; claim: StoredClaim }
  | { kind: 'unknown-claim' }

/** Thrown when another writer moved the claim first: the message is retried and then finds a duplicate. */
export class ClaimVersionConflict extends Error {
  override name = 'ClaimVersionConflict'
}

export type StepHandler = (deps: PipelineDeps, claim: StoredClaim) => Promise<CommitResult>

/**
 * One delivery of one message: load the claim, do nothing if the step is done, otherwise perform it
 * (a single guarded commit), then publish the change and send the claim on.
 */
export async function runStep(
  deps: PipelineDeps,
  step: PipelineStep,
  handler: StepHandler,
  ref: { claimId: string; providerId: string },
): Promise<StepOutcome> {
  const claim = await deps.store.findClaim(ref.providerId, ref.claimId)
  if (!claim) return { kind: 'unknown-claim' }

  if (!stepHasWork(step, claim.status)) {
    // Replays the claim's history to the hub (it ignores versions it has) in case the earlier
    // delivery committed but died before publishing.
    const events = await deps.store.listEvents(claim.providerId, claim.id)
    await deps.hub.publish(claim.providerId, events.map((e) => toStatusChange(claim, e)))
    await forward(deps, claim)
    return { kind: 'duplicate', claim }
  }

  const result = await handler(deps, claim)
  if (!result.ok) {
    if (result.reason === 'version-conflict') throw new ClaimVersionConflict(`claim ${claim.id} moved past version ${claim.version}`)
    throw new Error(`step ${step} tried an illegal move ${result.from} -> ${result.to} on claim ${claim.id}`)
  }
  await deps.hub.publish(claim.providerId, result.events.map((e) => toStatusChange(result.claim, e)))
  await forward(deps, result.claim)
  return { kind: 'done', claim: result.claim }
}
