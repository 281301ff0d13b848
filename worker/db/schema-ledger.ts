import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// Funding pools: where payout cash comes from. A pool's cash is never stored here: it is the
// funding_pool_cash balance in ledger_entries, so the ledger stays the one source of money.

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)

export const fundingPools = sqliteTable('funding_pools', {
  id: text('id').primaryKey(),
  /** The bank partner whose capital funds the pool. */
  partnerId: text('partner_id').notNull(),
  name: text('name').notNull(),
  /** Lower is drawn first, as the partners' agreements order them. */
  priority: integer('priority').notNull().default(100),
  /** A paused pool keeps its money and exposure but takes no new payouts. */
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
}, (t) => [index('funding_pools_partner').on(t.partnerId)])
