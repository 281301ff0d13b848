import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// The payout rail's tables (Stripe Connect). The per-claim payout itself stays in `payouts` (schema.ts);
// these hold what onboarding and Stripe's webhooks tell us.

/**
 * One connected account per provider, made at onboarding. Bank numbers are never stored: Stripe holds
 * them, ClaimPay keeps the last four digits to show the provider which account payouts go to.
 */
export const stripeAccounts = sqliteTable('stripe_accounts', {
  providerId: text('provider_id').primaryKey(),
  accountId: text('account_id').notNull().unique(),
  bankLast4: text('bank_last4').notNull(),
  routingLast4: text('routing_last4'),
  /** False until Stripe says the account may receive payouts: the pay step waits instead of sending. */
  payoutsEnabled: integer('payouts_enabled', { mode: 'boolean' }).notNull(),
  createdAt: text('created_at').notNull(),
})

/**
 * Every verified webhook delivery, once by Stripe's event id: a redelivery finds its row and changes
 * nothing. `applied` is set in the same batch as the payout change, so a crash in between is replayed.
 */
export const stripeEvents = sqliteTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  /** The connected account for payout events; null for platform events (transfers). */
  account: text('account'),
  claimId: text('claim_id'),
  receivedAt: text('received_at').notNull(),
  applied: integer('applied', { mode: 'boolean' }).notNull().default(false),
}, (t) => [index('stripe_events_claim').on(t.claimId)])
