import { and, eq } from 'drizzle-orm'
import type { ClaimNotificationMessage } from '../contracts'
import { openDb, schema } from '../db'
import { newId } from '../ids'

const { claims, notifications } = schema

function messageFor(kind: ClaimNotificationMessage['kind'], claimNumber: string, payoutCents: number | null): string {
  if (kind === 'claim.paid') return `Claim ${claimNumber} was paid out: ${((payoutCents ?? 0) / 100).toFixed(2)} USD is on its way.`
  return `Claim ${claimNumber} was not accepted for same-day payment. Open it to see why and what to fix.`
}

/**
 * The in-app channel of the notifications outbox: one row per claim and kind, so a redelivered
 * message changes nothing. Email and SMS adapters attach here later.
 */
export function createInAppNotifier(d1: D1Database) {
  const db = openDb(d1)
  return {
    async notify(message: ClaimNotificationMessage): Promise<boolean> {
      const claim = await db.query.claims.findFirst({
        columns: { claimNumber: true, payoutCents: true },
        where: and(eq(claims.providerId, message.providerId), eq(claims.id, message.claimId)),
      })
      if (!claim) return false
      await db
        .insert(notifications)
        .values({
          id: newId('ntf'),
          providerId: message.providerId,
          claimId: message.claimId,
          kind: message.kind,
          message: messageFor(message.kind, claim.claimNumber, claim.payoutCents),
        })
        .onConflictDoNothing()
      return true
    },
  }
}
