// A practice's most recent claims as it would submit them: what the local demo seeds and trickles.
import type { ClaimInput } from '../../contracts'
import { epochDayOf, generateHistory, isoDateOf } from '../engine'
import type { Provider } from '../engine'
import { toClaimInput } from './to-claim-input'

export type RecentClaimsOptions = {
  seed: number
  provider: Provider
  /** At most this many claims; fewer when the window holds fewer. */
  count: number
  /** YYYY-MM-DD: service dates fall in the `days` before it, never on or after it (the parse step refuses future dates). */
  today: string
  days?: number
}

export const RECENT_DAYS = 30

/** The last `count` claims of the window, oldest first. Same options, same claims. */
export function recentClaimInputs(options: RecentClaimsOptions): ClaimInput[] {
  const end = epochDayOf(options.today) - 1
  const history = generateHistory({ seed: options.seed, provider: options.provider, from: isoDateOf(end - (options.days ?? RECENT_DAYS) + 1), to: isoDateOf(end) })
  const claims: ClaimInput[] = []
  const seen = new Set<string>()
  for (const record of history) {
    // A duplicate resubmits a claim number the practice already used; the API keeps one claim per number.
    if (seen.has(record.claim.claimNumber)) continue
    seen.add(record.claim.claimNumber)
    claims.push(toClaimInput(record, options.provider))
  }
  return claims.slice(Math.max(0, claims.length - options.count))
}
