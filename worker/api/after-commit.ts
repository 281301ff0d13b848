/**
 * Work that follows a commit the client must hear about: once the claim or upload is stored, a
 * failure here must not become a 500 (the client would retry and get a duplicate). It is logged by
 * ids only and left to the cron re-drive, which sends on what sits in `received`.
 */
export async function afterCommit(at: string, ids: Record<string, string>, work: () => Promise<unknown>): Promise<void> {
  try {
    await work()
  } catch (error) {
    console.warn(JSON.stringify({ level: 'warn', at, ...ids, error: error instanceof Error ? error.name : 'UnknownError' }))
  }
}
