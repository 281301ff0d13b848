import type { Random } from '../../worker/generator/prng'
import type { PayoutRail } from '../../worker/payments'

export class SimulatedCrash extends Error {
  override name = 'SimulatedCrash'
}

/** The process dies after Stripe answered and before anything was committed: the message comes back. */
export function crashingRail(inner: PayoutRail, random: Random, chance: number, crashed: () => void): PayoutRail {
  return {
    name: inner.name,
    async send(request) {
      const sent = await inner.send(request)
      if (sent.ok && random.chance(chance)) {
        crashed()
        throw new SimulatedCrash(`crash after the rail paid claim ${request.claimId}`)
      }
      return sent
    },
  }
}
