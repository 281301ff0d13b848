import type { EventObject } from '../../scripts/stripe-local/objects'
import type { Random } from '../../worker/generator/prng'
import { signStripe } from '../../worker/test/sign-stripe'

export type WebhookFaults = {
  /** An event is delivered twice (Stripe retries when our answer is lost). */
  duplicate: number
  /** An event waits for a later delivery round, so events arrive out of order. */
  holdBack: number
}

export type WebhookStats = { delivered: number; duplicates: number; heldBack: number; refused: number }

/**
 * Carries the endpoint's events to the Worker's webhook route as Stripe does (JSON signed with the
 * endpoint secret), at least once and in any order: new events are shuffled, some held back a round,
 * some sent twice; one the Worker does not answer 2xx is sent again later.
 */
export class WebhookCourier {
  private readonly seen = new Set<string>()
  private waiting: EventObject[] = []
  readonly stats: WebhookStats = { delivered: 0, duplicates: 0, heldBack: 0, refused: 0 }

  constructor(
    private readonly random: Random,
    private readonly faults: WebhookFaults,
    private readonly secret: string,
    private readonly callWorker: (request: Request) => Promise<Response>,
  ) {}

  /** Events not delivered yet (new or waiting): true when any was delivered this round. */
  async deliver(events: readonly EventObject[], flush = false): Promise<boolean> {
    const fresh = events.filter((e) => !this.seen.has(e.id))
    for (const e of fresh) this.seen.add(e.id)
    const due = [...this.waiting, ...fresh]
    this.waiting = []
    // Fisher-Yates with the run's random source: the order is the seed's, not the endpoint's.
    for (let i = due.length - 1; i > 0; i--) {
      const j = this.random.int(0, i)
      ;[due[i], due[j]] = [due[j]!, due[i]!]
    }
    let any = false
    for (const event of due) {
      if (!flush && this.random.chance(this.faults.holdBack)) {
        this.stats.heldBack++
        this.waiting.push(event)
        continue
      }
      const copies = this.random.chance(this.faults.duplicate) ? 2 : 1
      this.stats.duplicates += copies - 1
      let accepted = true
      for (let c = 0; c < copies; c++) accepted = (await this.post(event)) && accepted
      if (!accepted) {
        this.stats.refused++
        this.waiting.push(event)
      }
      any = true
    }
    return any
  }

  pending(): number {
    return this.waiting.length
  }

  private async post(event: EventObject): Promise<boolean> {
    const body = JSON.stringify(event, null, 2)
    const res = await this.callWorker(
      new Request('https://claimpay.sim/api/v1/webhooks/stripe', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': await signStripe(body, this.secret) },
        body,
      }),
    )
    await res.arrayBuffer()
    this.stats.delivered++
    return res.ok
  }
}
