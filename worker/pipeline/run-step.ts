import { type ClaimRef, type CommitResult, type PipelineStep, type StoredClaim, stepHasWork, toStatusChange } from '../claims'
import type { StatusChange } from '../contracts'
import type { PipelineDeps } from './deps'
import { forward } from './forward'
import { mapConcurrently } from './map-concurrently'

export type StepOutcome =
  | { kind: 'done'; claim: StoredClaim }
  | { kind: 'duplicate'; claim: StoredClaim }
  | { kind: 'unknown-claim' }
  | { kind: 'failed'; error: Error }

/** Thrown when another writer moved the claim first: the message is retried and then finds a duplicate. */
export class ClaimVersionConflict extends Error {
  override name = 'ClaimVersionConflict'
}

export type StepHandler = (deps: PipelineDeps, claim: StoredClaim) => Promise<CommitResult>

/** Claims of one batch worked at once: enough to overlap their round trips, few enough to bound connections. */
const CLAIMS_IN_FLIGHT = 10

/** A claim's outcome and the status changes it has for the hub (its new ones, or its whole history). */
type Worked = { outcome: StepOutcome; changes: StatusChange[] }

/**
 * One delivery of a batch of messages for one step. Each claim is loaded (one read for the whole
 * batch), left alone if the step is already done, otherwise moved by a single guarded commit of its
 * own, so one claim's failure never touches another's. Then the batch's changes go to the hubs and
 * its claims on to their next queues, a call per provider and a send per queue.
 * Outcomes come back in the order of `refs`.
 */
export async function runSteps(deps: PipelineDeps, step: PipelineStep, handler: StepHandler, refs: ClaimRef[]): Promise<StepOutcome[]> {
  const claims = await deps.store.findClaims(refs)
  // The same claim twice in one batch is one piece of work.
  const ids = [...new Set(refs.map((r) => r.claimId))]
  const results = await mapConcurrently(ids, CLAIMS_IN_FLIGHT, async (id): Promise<Worked> => {
    const claim = claims.get(id)
    return claim ? moveOne(deps, step, handler, claim) : { outcome: { kind: 'unknown-claim' }, changes: [] }
  })
  const worked = new Map(ids.map((id, i) => [id, results[i]!]))

  const moved = [...worked.values()].flatMap(({ outcome, changes }) =>
    outcome.kind === 'done' || outcome.kind === 'duplicate' ? [{ claim: outcome.claim, changes }] : [],
  )
  // If either fails the whole batch is retried; each retry is a duplicate that publishes and forwards again.
  await publishByProvider(deps, moved)
  await forward(deps, moved.map((m) => m.claim))

  const seen = new Set<string>()
  return refs.map((ref) => {
    const { outcome } = worked.get(ref.claimId)!
    const repeat = seen.has(ref.claimId)
    seen.add(ref.claimId)
    return repeat && outcome.kind === 'done' ? { kind: 'duplicate', claim: outcome.claim } : outcome
  })
}

async function moveOne(deps: PipelineDeps, step: PipelineStep, handler: StepHandler, claim: StoredClaim): Promise<Worked> {
  try {
    if (!stepHasWork(step, claim.status)) {
      // Replays the claim's history to the hub (it ignores versions it has) in case the earlier
      // delivery committed but died before publishing.
      const events = await deps.store.listEvents(claim.providerId, claim.id)
      return { outcome: { kind: 'duplicate', claim }, changes: events.map((e) => toStatusChange(claim, e)) }
    }
    const result = await handler(deps, claim)
    if (!result.ok) {
      if (result.reason === 'version-conflict') throw new ClaimVersionConflict(`claim ${claim.id} moved past version ${claim.version}`)
      throw new Error(`step ${step} tried an illegal move ${result.from} -> ${result.to} on claim ${claim.id}`)
    }
    return { outcome: { kind: 'done', claim: result.claim }, changes: result.events.map((e) => toStatusChange(result.claim, e)) }
  } catch (error) {
    return { outcome: { kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) }, changes: [] }
  }
}

async function publishByProvider(deps: PipelineDeps, moved: { claim: StoredClaim; changes: StatusChange[] }[]): Promise<void> {
  const byProvider = new Map<string, StatusChange[]>()
  for (const m of moved) byProvider.set(m.claim.providerId, [...(byProvider.get(m.claim.providerId) ?? []), ...m.changes])
  await Promise.all([...byProvider].map(([providerId, changes]) => deps.hub.publish(providerId, changes)))
}
