import type { Random } from '../../worker/generator/prng'
import type { StageMessage, StageQueues } from '../../worker/pipeline'

/** Every queue a payment crosses, as the harness delivers them. */
export type SimQueueName = StageMessage['queue'] | 'payer-remit'

type Pending = { id: string; body: unknown; attempts: number; timestamp: Date; extraDeliveries: number }

export type DeliveryFaults = {
  /** Each message is delivered once more than needed with this chance, twice more with its square: one to three times. */
  duplicate: number
  /** The consumer committed and acked, and the ack was lost (a crash between the D1 commit and the ack). */
  lostAck: number
}

export type DeliveryStats = { delivered: number; duplicates: number; lostAcks: number; retried: number; deadLettered: number }

/**
 * The queues of a run, held by the harness: messages are delivered at least once in an order the seed
 * decides, in batches, and acks can be lost, so every consumer meets what the runtime's queues may do to it.
 * Dead letters (bodies that fail their schema, or consumers that give up) are kept for the report.
 */
export class SimQueues implements StageQueues {
  private readonly pending = new Map<SimQueueName, Pending[]>()
  private nextId = 1
  readonly deadLetters: unknown[] = []
  readonly stats: DeliveryStats = { delivered: 0, duplicates: 0, lostAcks: 0, retried: 0, deadLettered: 0 }

  constructor(private readonly random: Random, private readonly faults: DeliveryFaults) {}

  async sendAll(messages: StageMessage[]): Promise<void> {
    for (const m of messages) this.push(m.queue, m.body)
  }

  push(queue: SimQueueName, body: unknown): void {
    const extra = this.random.chance(this.faults.duplicate) ? (this.random.chance(this.faults.duplicate) ? 2 : 1) : 0
    const list = this.pending.get(queue) ?? []
    list.push({ id: `msg-${this.nextId++}`, body: structuredClone(body), attempts: 0, timestamp: new Date(), extraDeliveries: extra })
    this.pending.set(queue, list)
  }

  /** A producer binding (send, sendBatch) that enqueues here: for env.PAYER_REMIT and the dead-letter queues. */
  binding(queue: SimQueueName | 'dead-letters'): Queue {
    const put = (body: unknown) => (queue === 'dead-letters' ? (this.deadLetters.push(body), this.stats.deadLettered++) : this.push(queue, body))
    return {
      send: async (body: unknown) => void put(body),
      sendBatch: async (messages: Iterable<MessageSendRequest>) => {
        for (const m of messages) put(m.body)
      },
    } as unknown as Queue
  }

  size(queue?: SimQueueName): number {
    if (queue) return this.pending.get(queue)?.length ?? 0
    return [...this.pending.values()].reduce((n, list) => n + list.length, 0)
  }

  /** The bodies waiting on a queue, oldest first (the benchmark reads which files it is about to post). */
  peek(queue: SimQueueName): unknown[] {
    return (this.pending.get(queue) ?? []).map((p) => p.body)
  }

  /** Drops what waits on a queue (a benchmark that does not measure that stage). */
  clear(queue: SimQueueName): void {
    this.pending.delete(queue)
  }

  /** The most times any waiting message has been delivered: a message retried over and over is stuck. */
  maxAttempts(): number {
    return Math.max(0, ...[...this.pending.values()].flat().map((p) => p.attempts))
  }

  /**
   * One delivery of up to `max` messages of a queue, chosen at random from those waiting, as a
   * MessageBatch. `settle` applies what the consumer did with each: acked messages leave (unless the ack
   * is lost, or a duplicate delivery is still due), anything else is delivered again later.
   */
  takeBatch(queue: SimQueueName, max: number): { batch: MessageBatch<unknown>; settle(): void } | null {
    const list = this.pending.get(queue) ?? []
    if (list.length === 0) return null
    const chosen: Pending[] = []
    const rest = [...list]
    while (chosen.length < max && rest.length > 0) chosen.push(rest.splice(this.random.int(0, rest.length - 1), 1)[0]!)
    const acked = new Set<string>()
    const messages = chosen.map((p): Message<unknown> => {
      p.attempts++
      return {
        id: p.id,
        timestamp: p.timestamp,
        body: structuredClone(p.body),
        attempts: p.attempts,
        ack: () => void acked.add(p.id),
        retry: () => void acked.delete(p.id),
      } as Message<unknown>
    })
    this.stats.delivered += messages.length
    const batch = {
      queue,
      messages,
      ackAll: () => messages.forEach((m) => m.ack()),
      retryAll: () => messages.forEach((m) => m.retry()),
    } as unknown as MessageBatch<unknown>
    const settle = () => {
      const leaving = new Set<string>()
      for (const p of chosen) {
        if (!acked.has(p.id)) {
          this.stats.retried++
          continue
        }
        if (this.random.chance(this.faults.lostAck)) {
          this.stats.lostAcks++
          continue
        }
        if (p.extraDeliveries > 0) {
          p.extraDeliveries--
          this.stats.duplicates++
          continue
        }
        leaving.add(p.id)
      }
      this.pending.set(queue, (this.pending.get(queue) ?? []).filter((p) => !leaving.has(p.id)))
    }
    return { batch, settle }
  }
}
