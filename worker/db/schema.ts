import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { CLAIM_STATUSES } from '../contracts/claim-status'

// Conventions: ids are prefixed and time-sortable (worker/ids); money is integer cents; rates are
// basis points; times are ISO-8601 UTC text; every provider-owned row carries provider_id so that
// providers can later be spread over several D1 databases.

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)

export const providers = sqliteTable('providers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  npi: text('npi'),
  cutBps: integer('cut_bps').notNull().default(500),
  createdAt: createdAt(),
}, (t) => [check('providers_cut_bps', sql`${t.cutBps} between 0 and 10000`)])

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  providerId: text('provider_id').notNull().references(() => providers.id),
  email: text('email').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['owner', 'admin', 'biller', 'viewer'] }).notNull(),
  /** Argon2id PHC string (worker/identity/password.ts). */
  passwordHash: text('password_hash').notNull().default(''),
  emailVerifiedAt: text('email_verified_at'),
  /** Sealed base32 TOTP secret; enabled only once a first code has been proven. */
  totpSecretSealed: text('totp_secret_sealed'),
  totpEnabledAt: text('totp_enabled_at'),
  /** Highest TOTP time step accepted, so a code cannot be used twice. */
  totpLastStep: integer('totp_last_step'),
  removedAt: text('removed_at'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_email').on(t.email), index('users_provider').on(t.providerId)])

export const uploads = sqliteTable('uploads', {
  id: text('id').primaryKey(),
  providerId: text('provider_id').notNull().references(() => providers.id),
  filename: text('filename').notNull(),
  byteSize: integer('byte_size').notNull(),
  sha256: text('sha256').notNull(),
  r2Key: text('r2_key').notNull(),
  status: text('status', { enum: ['received', 'fanned_out', 'failed'] }).notNull(),
  claimCount: integer('claim_count').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('uploads_provider_sha256').on(t.providerId, t.sha256)])

export const claims = sqliteTable('claims', {
  id: text('id').primaryKey(),
  providerId: text('provider_id').notNull().references(() => providers.id),
  uploadId: text('upload_id').references(() => uploads.id),
  /** Row of the claim within its upload; with upload_id it makes fan-out idempotent. */
  uploadRow: integer('upload_row'),
  claimNumber: text('claim_number').notNull(),
  payerId: text('payer_id').notNull(),
  payerName: text('payer_name').notNull(),
  serviceDate: text('service_date').notNull(),
  placeOfService: text('place_of_service').notNull(),
  billedCents: integer('billed_cents').notNull(),
  status: text('status', { enum: CLAIM_STATUSES }).notNull(),
  version: integer('version').notNull(),
  score: integer('score'),
  scoreReasons: text('score_reasons', { mode: 'json' }).$type<{ code: string; message: string }[]>(),
  cutBps: integer('cut_bps'),
  payoutCents: integer('payout_cents'),
  rejectReasons: text('reject_reasons', { mode: 'json' }).$type<{ code: string; message: string }[]>(),
  recodeCount: integer('recode_count').notNull().default(0),
  /** Patient identifiers and the clinical note, each sealed with the field cipher (worker/identity/crypto). */
  patientNameSealed: text('patient_name_sealed'),
  patientDobSealed: text('patient_dob_sealed'),
  patientAddressSealed: text('patient_address_sealed'),
  memberIdSealed: text('member_id_sealed'),
  noteSealed: text('note_sealed'),
  /** Keyed blind index of the member id: finds a patient's other claims without reading the id. */
  memberIdIndex: text('member_id_index'),
  patientSex: text('patient_sex', { enum: ['F', 'M', 'U'] }),
  /** Age in whole years on the date of service, 90 for anyone older (Safe Harbor): a risk feature kept in the clear. */
  patientAge: integer('patient_age'),
  /** The risk model version that scored the claim; null while unscored or scored by the fallback rules. */
  riskModelVersion: integer('risk_model_version'),
  /** Lower-cased claim id, number, payer and codes: what the claims table's search box matches. */
  searchText: text('search_text').notNull(),
  createdAt: createdAt(),
  updatedAt: text('updated_at').notNull(),
}, (t) => [
  index('claims_provider_id').on(t.providerId, t.id),
  index('claims_provider_status').on(t.providerId, t.status, t.id),
  index('claims_provider_member').on(t.providerId, t.memberIdIndex, t.serviceDate),
  // The cut's volume tiers count a provider's claims created in the last 30 days, at every payout.
  index('claims_provider_created').on(t.providerId, t.createdAt),
  uniqueIndex('claims_upload_row').on(t.uploadId, t.uploadRow),
  // A provider's claim number identifies one live claim: sending it again is a duplicate. A rejected
  // claim frees its number, so the corrected claim can be sent under the same one.
  uniqueIndex('claims_provider_number').on(t.providerId, t.claimNumber).where(sql`${t.status} <> 'rejected'`),
  check('claims_billed_positive', sql`${t.billedCents} > 0`),
])

export const claimLines = sqliteTable('claim_lines', {
  claimId: text('claim_id').notNull().references(() => claims.id),
  lineNumber: integer('line_number').notNull(),
  procedureCode: text('procedure_code').notNull(),
  modifiers: text('modifiers', { mode: 'json' }).notNull().$type<string[]>(),
  units: integer('units').notNull(),
  chargeCents: integer('charge_cents').notNull(),
  diagnosisPointers: text('diagnosis_pointers', { mode: 'json' }).notNull().$type<number[]>(),
}, (t) => [uniqueIndex('claim_lines_pk').on(t.claimId, t.lineNumber)])

export const claimDiagnoses = sqliteTable('claim_diagnoses', {
  claimId: text('claim_id').notNull().references(() => claims.id),
  position: integer('position').notNull(),
  code: text('code').notNull(),
}, (t) => [uniqueIndex('claim_diagnoses_pk').on(t.claimId, t.position)])

/**
 * Append-only status history. The unique (claim_id, version) index is the optimistic lock: two
 * writers that read the same version cannot both append the next one, so the loser's whole batch
 * (state change, event, side effects) rolls back.
 */
export const claimEvents = sqliteTable('claim_events', {
  id: text('id').primaryKey(),
  claimId: text('claim_id').notNull().references(() => claims.id),
  providerId: text('provider_id').notNull(),
  version: integer('version').notNull(),
  fromStatus: text('from_status', { enum: CLAIM_STATUSES }),
  toStatus: text('to_status', { enum: CLAIM_STATUSES }).notNull(),
  step: text('step').notNull(),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  at: text('at').notNull(),
}, (t) => [uniqueIndex('claim_events_version').on(t.claimId, t.version)])

export const payouts = sqliteTable('payouts', {
  id: text('id').primaryKey(),
  claimId: text('claim_id').notNull().references(() => claims.id),
  providerId: text('provider_id').notNull(),
  amountCents: integer('amount_cents').notNull(),
  cutBps: integer('cut_bps').notNull(),
  rail: text('rail').notNull(),
  /** Stored before the rail is called, so a retry after a crash reuses it and cannot pay twice. */
  idempotencyKey: text('idempotency_key').notNull(),
  transferId: text('transfer_id'),
  status: text('status', { enum: ['requested', 'sent'] }).notNull(),
  createdAt: createdAt(),
  sentAt: text('sent_at'),
  /** When the key was first stored: after Stripe's 24 h key window a retry looks the payout up first. */
  keyStoredAt: text('key_stored_at'),
  stripeAccountId: text('stripe_account_id'),
  stripePayoutId: text('stripe_payout_id'),
  /** Where the money stands at the rail, as Stripe's webhooks tell it (payments/stripe/payout-state.ts). */
  railStatus: text('rail_status', { enum: ['requested', 'sent', 'paid', 'failed', 'canceled'] }),
  /** Why the payout failed or is waiting (a Stripe failure code or ours, e.g. provider-not-onboarded). */
  failureCode: text('failure_code'),
  failureMessage: text('failure_message'),
  /** Cumulative, as Stripe reports it on transfer.reversed: only ever grows. */
  transferReversedCents: integer('transfer_reversed_cents').notNull().default(0),
  /**
   * The funding pool the payout was reserved against before the rail was called. While the payout is
   * requested its amount is held in that pool, so payouts in flight together cannot overdraw it.
   */
  poolId: text('pool_id'),
  /** The cut rule version the cut was decided under (cut_rule_versions, or 'default'); null on payouts from before the rules. */
  cutRuleVersion: text('cut_rule_version'),
  /** How the cut was reached, one line, so "why this cut?" is answered by what the system used. */
  cutExplanation: text('cut_explanation'),
}, (t) => [
  uniqueIndex('payouts_claim').on(t.claimId),
  index('payouts_pool_in_flight').on(t.poolId, t.status),
  uniqueIndex('payouts_idempotency_key').on(t.idempotencyKey),
  index('payouts_stripe_payout').on(t.stripePayoutId),
  index('payouts_transfer').on(t.transferId),
])

/** Double-entry, append-only: the lines of one journal balance; corrections are reversing journals. */
export const ledgerEntries = sqliteTable('ledger_entries', {
  id: text('id').primaryKey(),
  journalId: text('journal_id').notNull(),
  // NOT NULL since 0000 and SQLite cannot relax that without rebuilding the table (which would drop
  // the append-only triggers): lines no provider owns (pool cash, a claim's deferred cut) store ''.
  providerId: text('provider_id').notNull(),
  claimId: text('claim_id'),
  account: text('account').notNull(),
  debitCents: integer('debit_cents').notNull().default(0),
  creditCents: integer('credit_cents').notNull().default(0),
  memo: text('memo').notNull(),
  at: text('at').notNull(),
  // The dimensions balances are cut by (worker/payments/ledger/accounts.ts says which account needs which).
  poolId: text('pool_id'),
  payerId: text('payer_id'),
  partnerId: text('partner_id'),
  // Rows written before the dimensioned chart of accounts carry 'legacy'.
  journalKind: text('journal_kind').notNull().default('legacy'),
  reversesJournalId: text('reverses_journal_id'),
}, (t) => [
  index('ledger_journal').on(t.journalId),
  index('ledger_account').on(t.account, t.providerId),
  index('ledger_pool').on(t.poolId, t.account),
  index('ledger_claim').on(t.claimId),
  check('ledger_one_side', sql`(${t.debitCents} > 0 and ${t.creditCents} = 0) or (${t.creditCents} > 0 and ${t.debitCents} = 0)`),
])

export const auditLog = sqliteTable('audit_log', {
  id: text('id').primaryKey(),
  providerId: text('provider_id'),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: text('subject_id').notNull(),
  detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  at: text('at').notNull(),
  /** Assigned by the sealer (worker/identity/audit): position in the hash chain and the chain hashes. */
  seq: integer('seq'),
  prevHash: text('prev_hash'),
  hash: text('hash'),
}, (t) => [
  index('audit_subject').on(t.subjectType, t.subjectId),
  uniqueIndex('audit_seq').on(t.seq),
  index('audit_provider').on(t.providerId, t.id),
  index('audit_unsealed').on(t.id).where(sql`${t.seq} is null`),
])

/** In-app notifications written by the notifications consumer (email and SMS adapters come later). */
export const notifications = sqliteTable('notifications', {
  id: text('id').primaryKey(),
  providerId: text('provider_id').notNull(),
  claimId: text('claim_id'),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('notifications_once').on(t.providerId, t.claimId, t.kind)])

/** Messages that could not be processed, drained from every dead-letter queue for inspection. */
export const deadLetters = sqliteTable('dead_letters', {
  id: text('id').primaryKey(),
  queue: text('queue').notNull(),
  messageId: text('message_id').notNull(),
  reason: text('reason').notNull(),
  /** The message body as received; messages carry ids only, never patient data. */
  body: text('body').notNull(),
  at: text('at').notNull(),
}, (t) => [uniqueIndex('dead_letters_message').on(t.queue, t.messageId)])

/**
 * Adjudicated claims written straight into history by the scenario runner (backfill): outcomes and
 * codes only, no patient data. Scenario, seed and sequence name the generator call that made each row,
 * and make a rerun of the same run insert nothing twice.
 */
export const claimHistory = sqliteTable('claim_history', {
  providerId: text('provider_id').notNull(),
  scenario: text('scenario').notNull(),
  seed: integer('seed').notNull(),
  sequence: integer('sequence').notNull(),
  pattern: text('pattern'),
  claimNumber: text('claim_number').notNull(),
  payerId: text('payer_id').notNull(),
  serviceDate: text('service_date').notNull(),
  submittedDate: text('submitted_date').notNull(),
  adjudicatedDate: text('adjudicated_date').notNull(),
  billedCents: integer('billed_cents').notNull(),
  paidCents: integer('paid_cents').notNull(),
  outcome: text('outcome', { enum: ['paid', 'partial', 'denied'] }).notNull(),
  carc: text('carc'),
  rarcCodes: text('rarc_codes', { mode: 'json' }).notNull().$type<string[]>(),
  cptCodes: text('cpt_codes', { mode: 'json' }).notNull().$type<string[]>(),
  icdCodes: text('icd_codes', { mode: 'json' }).notNull().$type<string[]>(),
  /** Per line, in the order of cpt_codes: its modifiers and units. */
  lineModifiers: text('line_modifiers', { mode: 'json' }).notNull().default(sql`'[]'`).$type<string[][]>(),
  lineUnits: text('line_units', { mode: 'json' }).notNull().default(sql`'[]'`).$type<number[]>(),
  placeOfService: text('place_of_service'),
  /** Age on the date of service, 90 for anyone older (Safe Harbor), and sex: no other patient data. */
  patientAge: integer('patient_age'),
  patientSex: text('patient_sex', { enum: ['F', 'M', 'U'] }),
  /** Keyed blind index of the patient (never the member id): finds duplicate claims for one visit. */
  patientKey: text('patient_key'),
}, (t) => [
  // The trainer replays history in both orders; the duplicate check looks a patient's visit up.
  index('claim_history_adjudicated').on(t.adjudicatedDate),
  index('claim_history_submitted').on(t.submittedDate),
  index('claim_history_patient').on(t.providerId, t.patientKey, t.serviceDate),
  uniqueIndex('claim_history_trace').on(t.providerId, t.scenario, t.seed, t.sequence)])
