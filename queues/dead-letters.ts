import { z } from 'zod'
import { newId } from '../worker/ids'
import { openDb, schema } from '../worker/db'

const OwnDeadLetter = z.object({ queue: z.string(), messageId: z.string(), reason: z.string(), body: z.unknown() })

/**
 * Every *-dlq queue: keeps what could not be processed in D1 (dead_letters) for inspection and replay.
 * A message we dead-lettered ourselves carries its reason; one the queue moved after max_retries does not.
 */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const db = openDb(env.DB)
  const source = batch.queue.replace(/-dlq$/, '')
  const rows = batch.messages.map((msg) => {
    const own = OwnDeadLetter.safeParse(msg.body)
    return {
      id: newId('dlq'),
      queue: own.success ? own.data.queue : source,
      messageId: own.success ? own.data.messageId : msg.id,
      reason: own.success ? own.data.reason : `retries exhausted after ${msg.attempts} attempt(s)`,
      body: JSON.stringify(own.success ? own.data.body : msg.body) ?? 'null',
      at: new Date().toISOString(),
    }
  })
  if (rows.length > 0) await db.insert(schema.deadLetters).values(rows).onConflictDoNothing()
  batch.ackAll()
}
