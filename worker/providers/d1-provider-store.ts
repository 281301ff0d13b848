import { openDb, schema } from '../db'

const { providers } = schema

export function createD1ProviderStore(d1: D1Database) {
  const db = openDb(d1)
  return {
    /** Creates the provider if it does not exist; used by the development-only demo selection. */
    async ensure(id: string, name: string, cutBps: number): Promise<void> {
      await db.insert(providers).values({ id, name, cutBps }).onConflictDoNothing()
    },
  }
}
export type ProviderStore = ReturnType<typeof createD1ProviderStore>
