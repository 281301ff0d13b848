/**
 * Like Promise.all over `items.map(fn)`, but with at most `limit` calls in flight. Every call holds
 * connections to D1, queues and Durable Objects; a whole batch at once can exhaust them (seen as
 * "too many open files" in the local runtime with five stages busy).
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
