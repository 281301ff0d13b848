import type { RiskModel } from '$contracts'

/** The load dependency of every page that shows registry models, refreshed while one trains. */
export const RISK_MODELS_DEPENDENCY = 'app:risk-models'

export type RegistryOverview = {
  active: RiskModel | null
  /** The model a rollback would bring back: as the API picks it, the newest retired one that was once active. */
  previous: RiskModel | null
  training: RiskModel | null
}

/** The registry's current shape, read from its newest models (newest first, as the API lists them). */
export function registryOverview(newest: readonly RiskModel[]): RegistryOverview {
  const active = newest.find((m) => m.state === 'active') ?? null
  const previous = active ? (newest.find((m) => m.state === 'retired' && m.activatedAt !== null && m.version < active.version) ?? null) : null
  const training = newest.find((m) => m.state === 'training') ?? null
  return { active, previous, training }
}

export const isTraining = (models: readonly Pick<RiskModel, 'state'>[]): boolean => models.some((m) => m.state === 'training')
