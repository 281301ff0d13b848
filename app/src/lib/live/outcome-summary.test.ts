import { describe, expect, it } from 'vitest'
import { describeOutcomes, emptyTally, tallyOutcome } from './outcome-summary'

describe('outcome summary', () => {
  it('counts payouts and rejections only', () => {
    let tally = emptyTally()
    for (const toStatus of ['received', 'parsed', 'paid', 'submitted', 'paid', 'rejected'] as const) tally = tallyOutcome(tally, { toStatus })
    expect(tally).toEqual({ paid: 2, rejected: 1 })
    expect(describeOutcomes(tally)).toBe('2 claims paid out, 1 claim not eligible.')
  })

  it('says nothing when nothing happened', () => {
    expect(describeOutcomes(emptyTally())).toBe('')
  })
})
