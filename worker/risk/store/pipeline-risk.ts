import type { StoredClaim } from '../../claims'
import type { ClaimReason } from '../../contracts'
import type { RiskReason } from '../features'
import { prepareTreeShap } from '../gbdt'
import { scoreWithModel, type LoadedRiskModel } from '../model'
import { scoreClaimByRules } from '../rule-score'
import { getArtifact } from './artifact-store'
import { readClaimFeatures } from './d1-risk-features'
import { createD1ModelRegistry } from './d1-model-registry'
import { toClaimInput } from '../../claims/claim-record'

export type RiskAssessment =
  | { engine: 'gbdt'; modelVersion: number; score: number; probability: number; reasons: RiskReason[] }
  | { engine: 'rule-score'; score: number; reasons: ClaimReason[] }

/** What the score step asks of the risk engine. */
export type PipelineRisk = {
  assess(claim: StoredClaim): Promise<RiskAssessment>
  threshold(): Promise<number>
}

/** An active model whose artifact will not load: an incident, never a silent switch to other rules. */
export class ActiveModelUnreadable extends Error {
  override name = 'ActiveModelUnreadable'
}

/**
 * Isolates keep the compiled active model and the threshold for a short while: a promotion or a new
 * threshold reaches every isolate within this time, and scoring does not read R2 per claim.
 */
const CACHE_MS = 30_000
let cachedModel: { id: string | null; model: LoadedRiskModel | null; checkedAt: number } | null = null
let cachedThreshold: { value: number; checkedAt: number } | null = null

/** Forget what this isolate cached (after a promotion in the same isolate, and in tests). */
export function forgetCachedRiskModel(): void {
  cachedModel = null
  cachedThreshold = null
}

async function activeModel(d1: D1Database, files: R2Bucket, nowMs: number): Promise<LoadedRiskModel | null> {
  if (cachedModel && nowMs - cachedModel.checkedAt < CACHE_MS) return cachedModel.model
  const row = await createD1ModelRegistry(d1).active()
  if (!row) {
    cachedModel = { id: null, model: null, checkedAt: nowMs }
    return null
  }
  if (cachedModel?.id === row.id && cachedModel.model) {
    cachedModel.checkedAt = nowMs
    return cachedModel.model
  }
  const loaded = await getArtifact(files, row.artifactKey ?? '')
  if (!loaded.ok) throw new ActiveModelUnreadable(`active risk model v${row.version}: ${loaded.message}`)
  // Built once per isolate, so the first claim scored does not pay for the explanation tables.
  prepareTreeShap(loaded.model.gbdt)
  cachedModel = { id: row.id, model: loaded.model, checkedAt: nowMs }
  return loaded.model
}

/**
 * The active gradient-boosted model scores each claim from its D1 features; until a first model is
 * active (a fresh install before its first training) the transparent rule score stands in, and the
 * claim records which engine decided.
 */
export function pipelineRisk(env: { DB: D1Database; FILES: R2Bucket }, fallbackThreshold: number, now: () => Date): PipelineRisk {
  return {
    async assess(claim) {
      const model = await activeModel(env.DB, env.FILES, now().getTime())
      if (!model) {
        const rules = scoreClaimByRules({ claim: toClaimInput(claim), today: claim.createdAt.slice(0, 10) })
        return { engine: 'rule-score', score: rules.score, reasons: rules.reasons }
      }
      const scored = scoreWithModel(model, await readClaimFeatures(env.DB, claim))
      return { engine: 'gbdt', modelVersion: scored.modelVersion, score: scored.score, probability: scored.probability, reasons: scored.reasons }
    },
    async threshold() {
      const nowMs = now().getTime()
      if (cachedThreshold && nowMs - cachedThreshold.checkedAt < CACHE_MS) return cachedThreshold.value
      const value = await createD1ModelRegistry(env.DB).threshold(fallbackThreshold)
      cachedThreshold = { value, checkedAt: nowMs }
      return value
    },
  }
}
