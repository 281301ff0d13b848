import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { RISK_MODEL_STATES } from '../contracts/risk'

// The risk engine's tables. Aggregates are kept by a trigger on claim_history (migration 0005), so that
// a history row counts exactly once however often its writer retries.

/**
 * Outcomes of adjudicated claims summed by month of adjudication, per dimension: 'all' (key ''),
 * 'provider', 'payer', 'cpt' (primary procedure), 'icd' (primary diagnosis), 'payer-cpt'
 * ("<payer id> <cpt>"). A claim's features read the months of its keys in one query.
 */
export const riskAggregates = sqliteTable('risk_aggregates', {
  dimension: text('dimension').notNull(),
  key: text('key').notNull(),
  month: text('month').notNull(),
  claims: integer('claims').notNull(),
  /** Claims not paid in full at first pass (denied or partly paid). */
  notPaid: integer('not_paid').notNull(),
  billedCents: integer('billed_cents').notNull(),
}, (t) => [primaryKey({ columns: [t.dimension, t.key, t.month] })])


/** The model registry: one row per training run; the artifact itself is in R2 under `artifactKey`. */
export const riskModels = sqliteTable('risk_models', {
  id: text('id').primaryKey(),
  /** 1, 2, 3 ... in the order training was requested: what admins and claims call the model. */
  version: integer('version').notNull().unique(),
  state: text('state', { enum: RISK_MODEL_STATES }).notNull(),
  trigger: text('trigger', { enum: ['admin', 'schedule'] }).notNull(),
  requestedBy: text('requested_by').notNull(),
  featureVersion: integer('feature_version').notNull(),
  params: text('params', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
  /** Data window, row counts per split, metrics, calibration and importance once trained. */
  report: text('report', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** Why training failed, in words an admin can act on. */
  error: text('error'),
  artifactKey: text('artifact_key'),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  trainedAt: text('trained_at'),
  activatedAt: text('activated_at'),
  retiredAt: text('retired_at'),
}, (t) => [
  index('risk_models_state').on(t.state, t.version),
  // The database itself keeps one active model and one training run at a time.
  uniqueIndex('risk_models_one_active').on(t.state).where(sql`${t.state} = 'active'`),
  uniqueIndex('risk_models_one_training').on(t.state).where(sql`${t.state} = 'training'`),
])

/** Settings admins change at run time (the approval threshold), each change audited. */
export const riskSettings = sqliteTable('risk_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull().$type<unknown>(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
})

/** Claims the risk engine sent back for coding reasons: training examples for the coder. */
export const coderSignals = sqliteTable('coder_signals', {
  id: text('id').primaryKey(),
  claimId: text('claim_id').notNull(),
  providerId: text('provider_id').notNull(),
  modelVersion: integer('model_version').notNull(),
  reasons: text('reasons', { mode: 'json' }).notNull().$type<{ code: string; message: string }[]>(),
  at: text('at').notNull(),
}, (t) => [index('coder_signals_provider').on(t.providerId, t.at)])
