import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// Who may act: provider sessions and single-use tokens, provider API keys, bank partners and their
// signing tokens, and the email outbox. Every secret is stored as a SHA-256 hash (tokens, keys) or
// sealed with the field cipher (TOTP secrets, partner signing keys, email bodies): a copy of the
// database alone lets nobody sign in or sign a request.

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)

/**
 * One sign-in. The refresh token rotates on every use: `refresh_hash` is the current one, and a
 * rotated token presented again (after a short grace for parallel requests) revokes the whole family.
 */
export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  providerId: text('provider_id').notNull(),
  familyId: text('family_id').notNull(),
  refreshHash: text('refresh_hash').notNull(),
  previousRefreshHash: text('previous_refresh_hash'),
  rotatedAt: text('rotated_at'),
  /** Whether the second factor was proven at sign-in. */
  mfa: integer('mfa', { mode: 'boolean' }).notNull(),
  expiresAt: text('expires_at').notNull(),
  revokedAt: text('revoked_at'),
  revokedReason: text('revoked_reason'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('sessions_refresh_hash').on(t.refreshHash),
  index('sessions_previous_refresh_hash').on(t.previousRefreshHash),
  index('sessions_user').on(t.userId),
])

/** Email verification, password reset, invitations and pending second-factor sign-ins: single use, expiring. */
export const authTokens = sqliteTable('auth_tokens', {
  id: text('id').primaryKey(),
  purpose: text('purpose', { enum: ['verify-email', 'reset-password', 'invite', 'mfa-login'] }).notNull(),
  tokenHash: text('token_hash').notNull(),
  providerId: text('provider_id').notNull(),
  userId: text('user_id'),
  email: text('email').notNull(),
  role: text('role', { enum: ['owner', 'admin', 'biller', 'viewer'] }),
  invitedBy: text('invited_by'),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('auth_tokens_hash').on(t.tokenHash), index('auth_tokens_provider').on(t.providerId, t.purpose)])

/** Consecutive failed sign-ins per email (known or not, so a lockout reveals nothing). */
export const loginFailures = sqliteTable('login_failures', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: text('last_failure_at').notNull(),
  lockedUntil: text('locked_until'),
})

/** A provider's keys for programmatic uploads: `cpk_<prefix>_<secret>`, only the prefix is readable. */
export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  providerId: text('provider_id').notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull(),
  scopes: text('scopes', { mode: 'json' }).notNull().$type<string[]>(),
  createdBy: text('created_by').notNull(),
  expiresAt: text('expires_at').notNull(),
  revokedAt: text('revoked_at'),
  lastUsedAt: text('last_used_at'),
  useCount: integer('use_count').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('api_keys_prefix').on(t.prefix), index('api_keys_provider').on(t.providerId, t.id)])

export const partners = sqliteTable('partners', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
})

/** A partner's signing token. The secret is never stored; its derived signing key is, sealed. */
export const partnerTokens = sqliteTable('partner_tokens', {
  id: text('id').primaryKey(),
  partnerId: text('partner_id').notNull().references(() => partners.id),
  signingKeySealed: text('signing_key_sealed').notNull(),
  scopes: text('scopes', { mode: 'json' }).notNull().$type<string[]>(),
  expiresAt: text('expires_at').notNull(),
  revokedAt: text('revoked_at'),
  /** The token this one replaced; the old one keeps working until its shortened expiry. */
  rotatedFrom: text('rotated_from'),
  lastUsedAt: text('last_used_at'),
  useCount: integer('use_count').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [index('partner_tokens_partner').on(t.partnerId)])

/** Nonces seen inside the signing window; the unique index is the replay check. */
export const partnerNonces = sqliteTable('partner_nonces', {
  tokenId: text('token_id').notNull(),
  nonce: text('nonce').notNull(),
  seenAt: text('seen_at').notNull(),
}, (t) => [uniqueIndex('partner_nonces_pk').on(t.tokenId, t.nonce), index('partner_nonces_seen').on(t.seenAt)])

/** Emails waiting for (or handed to) the mail adapter. The body holds links with tokens: sealed. */
export const emailOutbox = sqliteTable('email_outbox', {
  id: text('id').primaryKey(),
  providerId: text('provider_id'),
  toEmail: text('to_email').notNull(),
  template: text('template').notNull(),
  subject: text('subject').notNull(),
  bodySealed: text('body_sealed').notNull(),
  status: text('status', { enum: ['queued', 'sent'] }).notNull(),
  sentAt: text('sent_at'),
  createdAt: createdAt(),
}, (t) => [index('email_outbox_to').on(t.toEmail, t.id)])
