import type { StepOutcome } from '../worker/pipeline'
import type { Handled } from '../worker/platform'

/** A message naming a claim that does not exist cannot succeed later: it is dead-lettered, not retried. */
export function outcomeToHandled(outcome: StepOutcome): Handled {
  return outcome.kind === 'unknown-claim' ? { kind: 'dead-letter', reason: 'unknown claim' } : { kind: 'ack' }
}
