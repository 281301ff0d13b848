import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// Payers' answers: 835 files posted once each, what each claim was paid, and what could not be
// matched (for admins). Money in integer cents, times ISO-8601 UTC text.

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)

/** One row per 835 fully posted: a payer's trace number (TRN02) is posted once. */
export const remittanceFiles = sqliteTable('remittance_files', {
  id: text('id').primaryKey(),
  payerId: text('payer_id').notNull(),
  traceNumber: text('trace_number').notNull(),
  fileKey: text('file_key').notNull(),
  paymentCents: integer('payment_cents').notNull(),
  claimCount: integer('claim_count').notNull(),
  postedAt: text('posted_at').notNull(),
}, (t) => [uniqueIndex('remittance_files_trace').on(t.payerId, t.traceNumber)])

/** A claim's adjudication as the payer reported it (CLP/CAS/LQ); one per claim, the first 835 wins. */
export const claimRemittances = sqliteTable('claim_remittances', {
  claimId: text('claim_id').primaryKey(),
  providerId: text('provider_id').notNull(),
  payerId: text('payer_id').notNull(),
  traceNumber: text('trace_number').notNull(),
  /** CLP02: 1 processed as primary, 4 denied ... */
  statusCode: text('status_code').notNull(),
  outcome: text('outcome', { enum: ['paid', 'partial', 'denied'] }).notNull(),
  chargeCents: integer('charge_cents').notNull(),
  paidCents: integer('paid_cents').notNull(),
  patientResponsibilityCents: integer('patient_responsibility_cents').notNull(),
  /** Every CAS triplet of the claim and its services: group, CARC, cents, and the line it sits on. */
  adjustments: text('adjustments', { mode: 'json' }).notNull().$type<{ line: number | null; group: string; reason: string; amountCents: number }[]>(),
  remarkCodes: text('remark_codes', { mode: 'json' }).notNull().$type<string[]>(),
  payerClaimControlNumber: text('payer_claim_control_number').notNull(),
  postedAt: text('posted_at').notNull(),
}, (t) => [index('claim_remittances_provider').on(t.providerId)])

/** What posting could not settle on its own: an unknown CLP01, a claim already posted, amounts that do not add up. */
export const reconciliationItems = sqliteTable('reconciliation_items', {
  id: text('id').primaryKey(),
  payerId: text('payer_id').notNull(),
  traceNumber: text('trace_number').notNull(),
  /** CLP01 as the payer sent it (not necessarily a claim of ours). */
  claimRef: text('claim_ref'),
  providerId: text('provider_id'),
  kind: text('kind', { enum: ['unknown-claim', 'already-posted', 'duplicate-remittance', 'payer-mismatch', 'charge-mismatch', 'amounts-do-not-add-up', 'unsupported-status', 'unreadable-file'] }).notNull(),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  resolvedAt: text('resolved_at'),
  createdAt: createdAt(),
}, (t) => [index('reconciliation_items_open').on(t.resolvedAt, t.createdAt)])
