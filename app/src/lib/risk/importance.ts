import type { FeatureGain } from './model-report'

export type CatalogueEntry = { name: string; group: string; description: string }

export type ImportanceBar = FeatureGain & {
  /** Position from the top, 0 for the most important. */
  rank: number
  /** Share of the model's total gain. */
  share: number
  group: string | null
  /** From the feature catalogue; null for a name the catalogue no longer has. */
  description: string | null
}

/**
 * The features that did the most work, by total split gain. Features the trees never split on are left
 * out: a row of empty bars says nothing an admin can act on.
 */
export function topImportance(importance: readonly FeatureGain[], catalogue: readonly CatalogueEntry[], limit = 15): ImportanceBar[] {
  const byName = new Map(catalogue.map((f) => [f.name, f]))
  const total = importance.reduce((sum, f) => sum + (f.gain > 0 ? f.gain : 0), 0)
  return importance
    .filter((f) => f.gain > 0)
    .toSorted((a, b) => b.gain - a.gain || a.feature.localeCompare(b.feature))
    .slice(0, limit)
    .map((f, rank) => {
      const entry = byName.get(f.feature)
      return { ...f, rank, share: total > 0 ? f.gain / total : 0, group: entry?.group ?? null, description: entry?.description ?? null }
    })
}
