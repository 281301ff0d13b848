import { and, desc, eq } from 'drizzle-orm'
import type { EmailMessage } from '../contracts'
import { identitySchema, type Db } from '../db'
import { newId } from '../ids'
import { decryptField, encryptField, type Keyring } from '../identity/crypto'

const { emailOutbox } = identitySchema

export type OutgoingEmail = { providerId: string | null; to: string; template: string; subject: string; body: string }

const bodyAad = (id: string) => `email_outbox.body:${id}`

/**
 * Queues an email: the insert goes in the same D1 batch as the change that causes it (a sign-up, an
 * invite), and the returned message is sent to the notifications queue after the commit. The body
 * carries single-use links, so it is sealed at rest like PHI.
 */
export async function outboxEmail(db: Db, keyring: Keyring, email: OutgoingEmail) {
  const id = newId('eml')
  const insert = db.insert(emailOutbox).values({
    id,
    providerId: email.providerId,
    toEmail: email.to,
    template: email.template,
    subject: email.subject,
    bodySealed: await encryptField(keyring, email.body, bodyAad(id)),
    status: 'queued',
  })
  const message: EmailMessage = { step: 'email', outboxId: id }
  return { insert, message }
}

/**
 * Delivery. There is no mail transport in this deployment yet: in development the outbox itself is
 * the mailbox (readable at /dev/outbox), so delivery marks the email sent. Without the development
 * outbox the email stays queued and is reported, never silently dropped.
 */
export async function deliverEmail(db: Db, outboxId: string, devOutbox: boolean): Promise<'sent' | 'held' | 'unknown'> {
  const [row] = await db.select({ id: emailOutbox.id, status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, outboxId)).limit(1)
  if (!row) return 'unknown'
  if (row.status === 'sent') return 'sent'
  if (!devOutbox) return 'held'
  await db.update(emailOutbox).set({ status: 'sent', sentAt: new Date().toISOString() }).where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'queued')))
  return 'sent'
}

/** The development mailbox: newest first, bodies opened. */
export async function readOutbox(db: Db, keyring: Keyring, limit = 50) {
  const rows = await db.select().from(emailOutbox).orderBy(desc(emailOutbox.id)).limit(limit)
  return Promise.all(
    rows.map(async (r) => {
      const body = await decryptField(keyring, r.bodySealed, bodyAad(r.id))
      return {
        id: r.id,
        toEmail: r.toEmail,
        template: r.template,
        subject: r.subject,
        body: body.ok ? body.value : '(this email could not be opened)',
        status: r.status,
        createdAt: r.createdAt,
      }
    }),
  )
}
