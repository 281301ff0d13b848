import { and, eq, isNotNull, like, not, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { CLAIM_PHI_COLUMNS, claimPhiAad } from '../claims/claim-phi'
import { identitySchema, schema, type Db } from '../db'
import { reencryptField, type Keyring } from './crypto'

type SealedColumn = { table: SQLiteTable; id: SQLiteColumn; column: SQLiteColumn; key: string; aad: (id: string) => string }

/**
 * Every sealed column, with the additional data it was sealed under. Adding a sealed column means
 * adding it here, or a key rotation would leave it on the old key.
 */
export const SEALED_COLUMNS: SealedColumn[] = [
  ...CLAIM_PHI_COLUMNS.map((key) => ({
    table: schema.claims,
    id: schema.claims.id,
    column: schema.claims[key],
    key,
    aad: (id: string) => claimPhiAad(key, id),
  })),
  { table: schema.users, id: schema.users.id, column: schema.users.totpSecretSealed, key: 'totpSecretSealed', aad: (id) => `users.totp_secret:${id}` },
  { table: identitySchema.partnerTokens, id: identitySchema.partnerTokens.id, column: identitySchema.partnerTokens.signingKeySealed, key: 'signingKeySealed', aad: (id) => `partner_tokens.signing_key:${id}` },
  { table: identitySchema.emailOutbox, id: identitySchema.emailOutbox.id, column: identitySchema.emailOutbox.bodySealed, key: 'bodySealed', aad: (id) => `email_outbox.body:${id}` },
]

export type RotationReport = { reencrypted: number; failed: number; remaining: boolean }

/**
 * One pass of key rotation: up to `limit` values per column not yet under the active key are opened and
 * sealed again. Each update is guarded by the old value, so a concurrent write is never overwritten.
 * Run until `remaining` is false (the cron does a pass every 15 minutes; admins can run more).
 */
export async function reencryptBatch(db: Db, keyring: Keyring, limit = 100): Promise<RotationReport> {
  const current = `cp1.v${keyring.active}.%`
  let reencrypted = 0
  let failed = 0
  let remaining = false
  for (const sealed of SEALED_COLUMNS) {
    const stale: SQL | undefined = and(isNotNull(sealed.column), not(like(sealed.column, current)))
    const rows = (await db.select({ id: sealed.id, value: sealed.column }).from(sealed.table).where(stale).limit(limit)) as { id: string; value: string }[]
    if (rows.length === limit) remaining = true
    for (const row of rows) {
      const next = await reencryptField(keyring, row.value, sealed.aad(row.id))
      if (!next.ok) {
        failed++
        continue
      }
      await db.update(sealed.table).set({ [sealed.key]: next.value }).where(and(eq(sealed.id, row.id), eq(sealed.column, row.value)))
      reencrypted++
    }
  }
  return { reencrypted, failed, remaining }
}
