import type { RiskModelState } from '$contracts'
import type { StatusTone } from '$lib/status'

export const MODEL_STATE_LABELS: Record<RiskModelState, string> = {
  training: 'Training',
  candidate: 'Candidate',
  active: 'Active',
  retired: 'Retired',
  failed: 'Failed',
}

/** What each state means for claims being scored right now. */
export const MODEL_STATE_DESCRIPTIONS: Record<RiskModelState, string> = {
  training: 'Being trained on the claim history; it scores nothing yet.',
  candidate: 'Trained and judged on held-out claims; not scoring claims until promoted.',
  active: 'Scores every new claim.',
  retired: 'Scored claims once; replaced by a newer model or rolled back.',
  failed: 'Training stopped without a model; the active model was not touched.',
}

export const MODEL_STATE_TONES: Record<RiskModelState, StatusTone> = {
  training: 'progress',
  candidate: 'info',
  active: 'success',
  retired: 'neutral',
  failed: 'danger',
}
