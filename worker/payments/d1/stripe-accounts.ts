import { eq } from 'drizzle-orm'
import { moneySchema, openDb } from '../../db'

const { stripeAccounts } = moneySchema

export type PayoutAccount = typeof stripeAccounts.$inferSelect

/** The providers' connected accounts in D1: always read and written by the provider's own id. */
export function createD1StripeAccounts(d1: D1Database) {
  const db = openDb(d1)
  const find = async (providerId: string): Promise<PayoutAccount | null> =>
    (await db.select().from(stripeAccounts).where(eq(stripeAccounts.providerId, providerId)).limit(1))[0] ?? null
  return {
    find,
    /** The account payouts may go to now; null when there is none or Stripe has not enabled payouts. */
    payableAccount: async (providerId: string): Promise<string | null> => {
      const row = await find(providerId)
      return row?.payoutsEnabled ? row.accountId : null
    },
  }
}
export type StripeAccounts = ReturnType<typeof createD1StripeAccounts>
