import { readConfig, devOutboxEnabled } from '../worker/config'
import { NotificationMessage } from '../worker/contracts'
import { openDb } from '../worker/db'
import { createInAppNotifier, deliverEmail } from '../worker/notify'
import { consume, type Handled } from '../worker/platform'

/** notifications: claim outcomes become in-app notifications (one per claim and kind); outbox emails are delivered. */
export async function consumeNotifications(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const notifier = createInAppNotifier(env.DB)
  const db = openDb(env.DB)
  const devOutbox = devOutboxEnabled(readConfig(env))
  await consume(batch, NotificationMessage, env.NOTIFICATIONS_DLQ, (messages) =>
    Promise.all(
      messages.map(async (message): Promise<Handled> => {
        try {
          if (message.step === 'email') {
            const outcome = await deliverEmail(db, message.outboxId, devOutbox)
            if (outcome === 'held') console.warn(JSON.stringify({ level: 'warn', at: 'notifications', outboxId: message.outboxId, error: 'no mail transport configured' }))
            return outcome === 'unknown' ? { kind: 'dead-letter', reason: 'unknown email' } : { kind: 'ack' }
          }
          return (await notifier.notify(message)) ? { kind: 'ack' } : { kind: 'dead-letter', reason: 'unknown claim' }
        } catch (error) {
          return { kind: 'retry', error: error instanceof Error ? error : new Error(String(error)) }
        }
      }),
    ),
  )
}
