import { NotificationMessage } from '../worker/contracts'
import { createInAppNotifier } from '../worker/notify'
import { consume } from '../worker/platform'

/** notifications: claim outcomes become in-app notifications (one per claim and kind). */
export async function consumeNotifications(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const notifier = createInAppNotifier(env.DB)
  await consume(batch, NotificationMessage, env.NOTIFICATIONS_DLQ, async (message) => {
    const written = await notifier.notify(message)
    return written ? { kind: 'ack' } : { kind: 'dead-letter', reason: 'unknown claim' }
  })
}
