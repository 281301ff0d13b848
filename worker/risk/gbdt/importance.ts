import type { GbdtModel } from './model'

export type FeatureImportance = { feature: string; gain: number; splits: number }

/**
 * Total split gain per feature over the model's trees, highest first (ties by name, so the order is
 * stable). Gain, not split counts, because a feature split often for small gains matters less than
 * one split rarely for large ones.
 */
export function featureImportance(model: GbdtModel): FeatureImportance[] {
  const names = model.featureNames
  const gain = new Float64Array(names.length)
  const splits = new Int32Array(names.length)
  for (const tree of model.document.trees) {
    for (let i = 0; i < tree.feature.length; i++) {
      const f = tree.feature[i]!
      if (f < 0) continue
      gain[f]! += tree.gain[i]!
      splits[f]!++
    }
  }
  return names
    .map((feature, j) => ({ feature, gain: gain[j]!, splits: splits[j]! }))
    .sort((a, b) => b.gain - a.gain || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0))
}
