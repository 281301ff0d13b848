import type { z } from 'zod'

export type Handled = { kind: 'ack' } | { kind: 'dead-letter'; reason: string } | { kind: 'retry'; error: Error }

/** What a dead-letter queue carries when we put a message there ourselves (with the reason). */
export type DeadLetter = { queue: string; messageId: string; reason: string; body: unknown }

const MAX_RETRY_DELAY_SECONDS = 300

/** Exponential backoff by delivery attempt (1 -> 2 s, 2 -> 4 s ...), capped at five minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts), MAX_RETRY_DELAY_SECONDS)
}

/**
 * Runs a batch so that one bad message never blocks the others: a body that fails its schema goes
 * straight to the dead-letter queue (retrying cannot fix it); the rest are handled together and each
 * is acked, dead-lettered or retried with exponential backoff on its own outcome (the queue moves a
 * message to the dead-letter queue after max_retries). If the handler itself throws, every message it
 * was given is retried. Logs carry queue, message and claim ids and the error's name: never a body.
 */
export async function consume<T>(
  batch: MessageBatch<unknown>,
  schema: z.ZodType<T>,
  deadLetters: Queue,
  handleAll: (messages: T[]) => Promise<Handled[]>,
): Promise<void> {
  const valid: { msg: Message<unknown>; body: T }[] = []
  await Promise.all(
    batch.messages.map(async (msg) => {
      const parsed = schema.safeParse(msg.body)
      if (parsed.success) valid.push({ msg, body: parsed.data })
      else await sendToDeadLetters(deadLetters, batch.queue, msg, `unparseable: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ').slice(0, 300)}`)
    }),
  )
  if (valid.length === 0) return
  let outcomes: Handled[]
  try {
    outcomes = await handleAll(valid.map((v) => v.body))
  } catch (error) {
    outcomes = valid.map(() => ({ kind: 'retry', error: error instanceof Error ? error : new Error(String(error)) }))
  }
  await Promise.all(
    valid.map(async ({ msg, body }, i) => {
      const outcome = outcomes[i] ?? { kind: 'retry', error: new Error('no outcome for message') }
      if (outcome.kind === 'ack') msg.ack()
      else if (outcome.kind === 'dead-letter') await sendToDeadLetters(deadLetters, batch.queue, msg, outcome.reason)
      else {
        console.warn(JSON.stringify({ level: 'warn', queue: batch.queue, messageId: msg.id, ...idsOf(body), error: outcome.error.name, attempt: msg.attempts }))
        msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) })
      }
    }),
  )
}

async function sendToDeadLetters(deadLetters: Queue, queue: string, msg: Message<unknown>, reason: string): Promise<void> {
  const letter: DeadLetter = { queue, messageId: msg.id, reason, body: msg.body }
  try {
    await deadLetters.send(letter)
    msg.ack()
  } catch {
    msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) })
  }
}

function idsOf(body: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (body && typeof body === 'object') {
    for (const key of ['claimId', 'uploadId', 'providerId'] as const) {
      const v = (body as Record<string, unknown>)[key]
      if (typeof v === 'string') out[key] = v.slice(0, 40)
    }
  }
  return out
}
