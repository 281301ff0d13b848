import { NotificationMessage } from '../worker/contracts'
import { createInAppNotifier } from '../worker/notify'
import { consume, type Handled } from '../worker/platform'

/** notifications: claim outcomes become in-app notifications (one per claim and kind). */
export async function consumeNotifications(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const notifier = createInAppNotifier(env.DB)
  await consume(batch, NotificationMessage, env.NOTIFICATIONS_DLQ, (messages) =>
    Promise.all(
      messages.map(async (message): Promise<Handled> => {
        try {
          return (await notifier.notify(message)) ? { kind: 'ack' } : { kind: 'dead-letter', reason: 'unknown claim' }
        } catch (error) {
          return { kind: 'retry', error: error instanceof Error ? error : new Error(String(error)) }
        }
      }),
    ),
  )
}
