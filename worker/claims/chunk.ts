/** D1 binds at most 100 parameters to one statement; multi-row inserts and IN lists are cut to fit. */
export const PARAMS_PER_STATEMENT = 100

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
