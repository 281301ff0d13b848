import type { LiveEvent } from '$contracts'
import { pluralize } from '$lib/format'

export type OutcomeTally = { paid: number; rejected: number }

export const emptyTally = (): OutcomeTally => ({ paid: 0, rejected: 0 })

/** Counts the changes a person wants to hear about; every intermediate step is left out. */
export function tallyOutcome(tally: OutcomeTally, event: Pick<LiveEvent, 'toStatus'>): OutcomeTally {
  if (event.toStatus === 'paid') return { ...tally, paid: tally.paid + 1 }
  if (event.toStatus === 'rejected') return { ...tally, rejected: tally.rejected + 1 }
  return tally
}

/** One sentence for a screen reader, or '' when there is nothing to say. */
export function describeOutcomes(tally: OutcomeTally): string {
  const parts = [
    tally.paid ? `${pluralize(tally.paid, 'claim')} paid out` : '',
    tally.rejected ? `${pluralize(tally.rejected, 'claim')} not eligible` : '',
  ].filter(Boolean)
  return parts.length ? `${parts.join(', ')}.` : ''
}
