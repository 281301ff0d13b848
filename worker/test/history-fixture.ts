import { env } from 'cloudflare:test'
import { getTableColumns } from 'drizzle-orm'
import { chunk, PARAMS_PER_STATEMENT } from '../claims'
import { openDb, schema } from '../db'
import { generateHistory, generateProvider } from '../generator/engine'
import { historyRowOf } from '../generator/runner/history-row'

const COLUMNS_PER_ROW = Object.keys(getTableColumns(schema.claimHistory)).length

/**
 * Writes a synthetic practice's adjudicated history into claim_history, as the scenario runner's
 * backfill does (the member id standing in for the blind index). Returns the provider id and row count.
 */
export async function seedHistory(options: { seed: number; claimsPerDay: number; from: string; to: string }): Promise<{ providerId: string; rows: number }> {
  const provider = generateProvider({ seed: options.seed, specialty: 'family-medicine', claimsPerDay: options.claimsPerDay })
  const rows = [...generateHistory({ seed: options.seed, provider, from: options.from, to: options.to })].map((record) => historyRowOf({ record }, record.patient.memberId))
  const db = openDb(env.DB)
  const statements = chunk(rows, Math.floor(PARAMS_PER_STATEMENT / COLUMNS_PER_ROW)).map((part) => db.insert(schema.claimHistory).values(part).onConflictDoNothing())
  for (const batch of chunk(statements, 200)) await db.batch(batch as [(typeof statements)[number], ...(typeof statements)[number][]])
  return { providerId: provider.id, rows: rows.length }
}
