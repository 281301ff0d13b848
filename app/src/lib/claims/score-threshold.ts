import { z } from 'zod'
import type { ClaimEvent } from '$contracts'

const ThresholdDetail = z.object({ threshold: z.int().min(0).max(100) })

/**
 * The same-day threshold the server applied to this claim, as recorded on its decision event
 * (`approved` or `rejected` by the score step); null before the claim is scored.
 */
export function appliedThreshold(events: readonly ClaimEvent[]): number | null {
  for (const event of events) {
    if (event.step !== 'score') continue
    const detail = ThresholdDetail.safeParse(event.detail)
    if (detail.success) return detail.data.threshold
  }
  return null
}
