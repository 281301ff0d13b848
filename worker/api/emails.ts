import type { EmailMessage } from '../contracts'
import { afterCommit } from './after-commit'

/** Outbox emails go to the notifications queue once their rows are committed. */
export async function sendEmails(env: Env, emails: EmailMessage[] | undefined): Promise<void> {
  if (!emails?.length) return
  await afterCommit('outbox', { emails: String(emails.length) }, () => env.NOTIFICATIONS.sendBatch(emails.map((body) => ({ body }))))
}
