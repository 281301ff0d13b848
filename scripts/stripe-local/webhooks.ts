import { seededShuffle } from './shuffle'
import { signatureHeader } from './signature'
import type { EventObject } from './objects'

export type WebhookEndpoint = { url: string; secret: string }

/**
 * `auto` delivers each event as soon as it happens and retries failures on a backoff timer, as Stripe
 * does. `manual` holds everything until `deliver()` is called, so a test chooses when and in what order.
 */
export type DeliveryMode = 'auto' | 'manual'

/** Deliveries a receiver must reject: a signature made with another secret, or one signed an hour ago. */
export type WebhookTamper = 'bad-signature' | 'stale-timestamp'

export type DeliveryAttempt = { at: number; status: number | null; error: string | null }

export type DeliveryView = {
  id: string
  eventId: string
  type: string
  state: 'pending' | 'delivered' | 'failed'
  attempts: DeliveryAttempt[]
  tamper: WebhookTamper | null
}

export type DeliveryResult = { id: string; eventId: string; type: string; ok: boolean; status: number | null }

export type WebhookOptions = {
  endpoint: WebhookEndpoint | null
  mode: DeliveryMode
  /** First retry delay; doubles per failed attempt up to `retryMaxMs`. */
  retryBaseMs: number
  retryMaxMs: number
  /** After this many failed attempts a delivery is given up (Stripe gives up after three days). */
  maxAttempts: number
  /** Called after every attempt: deliveries change outside any request, and a state file must follow. */
  onChange?: () => void
}

type Delivery = DeliveryView & { body: string; nextAttemptAt: number }

/** A delivery still to be made, as a state file keeps it: the body is rebuilt from its event. */
export type PendingDelivery = Omit<DeliveryView, 'state'> & { nextAttemptAt: number }

/** Stripe sends the event JSON pretty-printed; the signature covers these exact bytes. */
export function eventBody(event: EventObject): string {
  return JSON.stringify(event, null, 2)
}

const STALE_SECONDS = 60 * 60
const DELIVERY_TIMEOUT_MS = 10_000

export class WebhookDispatcher {
  private deliveries: Delivery[] = []
  private nextId = 1
  private duplicates = 0
  private tampers: WebhookTamper[] = []
  private timer: ReturnType<typeof setTimeout> | null = null
  private timerDue = 0
  /** One delivery pass at a time, so a flush never races the retry timer over the same delivery. */
  private chain: Promise<unknown> = Promise.resolve()
  private closed = false

  constructor(private options: WebhookOptions) {}

  get hasEndpoint(): boolean {
    return this.options.endpoint !== null
  }

  enqueue(event: EventObject): void {
    if (!this.options.endpoint) return
    const body = eventBody(event)
    const copies = this.duplicates > 0 ? 2 : 1
    if (this.duplicates > 0) this.duplicates--
    for (let i = 0; i < copies; i++) {
      this.deliveries.push({
        id: `whdel_${this.nextId++}`,
        eventId: event.id,
        type: event.type,
        state: 'pending',
        attempts: [],
        tamper: this.tampers.shift() ?? null,
        body,
        nextAttemptAt: Date.now(),
      })
    }
    this.schedule()
  }

  duplicateNext(count = 1): void {
    this.duplicates += count
  }

  tamperNext(kind: WebhookTamper): void {
    this.tampers.push(kind)
  }

  setMode(mode: DeliveryMode): void {
    this.options = { ...this.options, mode }
    this.schedule()
  }

  setEndpoint(endpoint: WebhookEndpoint | null): void {
    this.options = { ...this.options, endpoint }
  }

  /** Attempts every pending delivery now, retry delays ignored; in creation order or shuffled by `shuffleSeed`. */
  async deliver(opts: { shuffleSeed?: number } = {}): Promise<DeliveryResult[]> {
    const results = await this.serialize(async () => {
      const pending = this.deliveries.filter((d) => d.state === 'pending')
      const order = opts.shuffleSeed === undefined ? pending : seededShuffle(pending, opts.shuffleSeed)
      const results: DeliveryResult[] = []
      for (const d of order) results.push(await this.attempt(d))
      return results
    })
    this.schedule()
    return results
  }

  /** Resolves once no delivery is in flight (auto mode), for tests. */
  async idle(): Promise<void> {
    await this.serialize(async () => undefined)
  }

  list(): DeliveryView[] {
    return this.deliveries.map(({ body: _body, nextAttemptAt: _next, ...view }) => ({ ...view, attempts: [...view.attempts] }))
  }

  /** Deliveries not yet made (delivered and given-up ones are history), with their attempts so far. */
  pending(): PendingDelivery[] {
    return this.deliveries
      .filter((d) => d.state === 'pending')
      .map(({ body: _body, state: _state, ...rest }) => ({ ...rest, attempts: [...rest.attempts] }))
  }

  /** How many deliveries were numbered: a restarted server continues the `whdel_` sequence. */
  get issued(): number {
    return this.nextId - 1
  }

  /**
   * Takes back deliveries a previous process had not made, and resumes the schedule. Like `enqueue`,
   * nothing is kept without an endpoint to deliver to.
   */
  restore(pending: Array<PendingDelivery & { event: EventObject }>, issued: number): void {
    this.nextId = Math.max(this.nextId, issued + 1)
    if (!this.options.endpoint) return
    for (const { event, ...d } of pending) {
      this.deliveries.push({ ...d, attempts: [...d.attempts], state: 'pending', body: eventBody(event) })
    }
    this.schedule()
  }

  reset(): void {
    this.deliveries = []
    this.duplicates = 0
    this.tampers = []
    this.clearTimer()
  }

  close(): void {
    this.closed = true
    this.clearTimer()
  }

  /** One timer, set for the earliest due delivery: a new event goes out now even while a retry waits. */
  private schedule(): void {
    if (this.closed || this.options.mode !== 'auto') return
    const pending = this.deliveries.filter((d) => d.state === 'pending')
    if (pending.length === 0) return
    const due = Math.min(...pending.map((d) => d.nextAttemptAt))
    if (this.timer && this.timerDue <= due) return
    this.clearTimer()
    this.timerDue = due
    this.timer = setTimeout(() => {
      this.timer = null
      void this.serialize(() => this.pump()).then(() => this.schedule())
    }, Math.max(0, due - Date.now()))
  }

  private async pump(): Promise<void> {
    if (this.options.mode !== 'auto') return
    const now = Date.now()
    for (const d of this.deliveries) {
      if (this.closed) return
      if (d.state === 'pending' && d.nextAttemptAt <= now) await this.attempt(d)
    }
  }

  private async attempt(d: Delivery): Promise<DeliveryResult> {
    const endpoint = this.options.endpoint
    let status: number | null = null
    let error: string | null = null
    if (!endpoint) {
      error = 'no webhook endpoint configured'
    } else {
      try {
        const res = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Stripe-Signature': this.sign(d, endpoint),
            'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          },
          body: d.body,
          signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        })
        status = res.status
        await res.arrayBuffer().catch(() => undefined)
      } catch (e) {
        error = e instanceof Error ? e.message : String(e)
      }
    }
    d.attempts.push({ at: Date.now(), status, error })
    const ok = status !== null && status >= 200 && status < 300
    if (ok) {
      d.state = 'delivered'
    } else if (d.attempts.length >= this.options.maxAttempts) {
      d.state = 'failed'
    } else {
      const delay = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (d.attempts.length - 1))
      d.nextAttemptAt = Date.now() + delay
    }
    this.options.onChange?.()
    return { id: d.id, eventId: d.eventId, type: d.type, ok, status }
  }

  /** Signed at delivery time with the wall clock: receivers check `t` against their own clock. */
  private sign(d: Delivery, endpoint: WebhookEndpoint): string {
    const now = Math.floor(Date.now() / 1000)
    if (d.tamper === 'stale-timestamp') return signatureHeader(d.body, endpoint.secret, now - STALE_SECONDS)
    if (d.tamper === 'bad-signature') return signatureHeader(d.body, `${endpoint.secret}_not_it`, now)
    return signatureHeader(d.body, endpoint.secret, now)
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task)
    this.chain = run.catch(() => undefined)
    return run
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
