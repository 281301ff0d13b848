import { PayoutBlocked, type StepOutcome } from '../worker/pipeline'
import type { Handled } from '../worker/platform'

/**
 * A message naming a claim that does not exist cannot succeed later: it is dead-lettered, not
 * retried. A step that failed is retried, unless it is waiting on a person (PayoutBlocked).
 */
export function outcomeToHandled(outcome: StepOutcome): Handled {
  switch (outcome.kind) {
    case 'unknown-claim':
      return { kind: 'dead-letter', reason: 'unknown claim' }
    case 'failed':
      // A payout waiting for the provider's bank account: retrying now would loop; the cron re-drives it.
      if (outcome.error instanceof PayoutBlocked) return { kind: 'ack' }
      return { kind: 'retry', error: outcome.error }
    case 'done':
    case 'duplicate':
      return { kind: 'ack' }
  }
}
