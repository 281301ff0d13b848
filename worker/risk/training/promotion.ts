import type { ModelComparison } from '../model'

type Row = { version: number; state: string; report: Record<string, unknown> | null }

export type PromotionRefusal = { ok: false; reason: 'not-a-candidate' | 'not-compared' | 'compared-with-another' | 'not-better'; message: string }

/**
 * A candidate replaces the active model only if it beat that very model on the same held-out claims
 * when it was trained. Compared with an older active model, the result says nothing about the current one.
 */
export function checkPromotion(candidate: Row, active: Row | undefined): { ok: true } | PromotionRefusal {
  if (candidate.state !== 'candidate') return { ok: false, reason: 'not-a-candidate', message: `Model v${candidate.version} is ${candidate.state}; only a candidate can be promoted.` }
  if (!active) return { ok: true }
  const comparison = (candidate.report?.comparison ?? null) as ModelComparison | null
  if (comparison === null) return { ok: false, reason: 'not-compared', message: `Model v${candidate.version} was trained before v${active.version} was active and was never compared with it; train again to compare.` }
  if (comparison.activeVersion !== active.version) {
    return { ok: false, reason: 'compared-with-another', message: `Model v${candidate.version} was compared with v${comparison.activeVersion}, but v${active.version} is active now; train again to compare.` }
  }
  if (!comparison.candidateBetter) {
    return {
      ok: false,
      reason: 'not-better',
      message: `Model v${candidate.version} does not beat v${active.version} on the same held-out claims (AUC ${comparison.candidate.auc} against ${comparison.active.auc}).`,
    }
  }
  return { ok: true }
}
