/**
 * Every feature the risk model sees, in column order: the one place they are documented. A model
 * records the names it was trained on, so a model of another feature version still scores correctly
 * as long as its names are here. Bump FEATURE_VERSION when a definition changes meaning.
 *
 * Groups: `coding` features are about how the claim was coded; a rejection driven by them sends the
 * claim back to the coder (needs_recode) instead of rejecting it outright.
 */
export const FEATURE_VERSION = 1

export type FeatureGroup = 'coding' | 'history' | 'practice' | 'claim' | 'timing' | 'patient'

export type FeatureSpec = { name: string; group: FeatureGroup; description: string }

export const FEATURES = [
  { name: 'coder_confidence', group: 'coding', description: "The auto-coder's confidence in the claim's codes (0-1); missing until the coder reports one." },
  { name: 'edits_failed', group: 'coding', description: 'How many coding edits the auto-coder found the claim failing; missing until the coder reports.' },
  { name: 'modifier_25_missing', group: 'coding', description: '1 when an office visit is billed with a procedure that makes payers expect modifier 25 on the visit, and the visit lacks it.' },
  { name: 'ncci_unbundled_pairs', group: 'coding', description: 'NCCI procedure-to-procedure pairs in force on the date of service billed together without a modifier that allows them.' },
  { name: 'units_over_mue', group: 'coding', description: "The largest ratio of a line's units to its MUE limit (1 is at the limit); 0 when no line has a limit." },
  { name: 'modifier_25', group: 'coding', description: '1 when any line carries modifier 25.' },
  { name: 'modifier_59', group: 'coding', description: '1 when any line carries modifier 59 or an X{EPSU} modifier.' },
  { name: 'prior_auth_service', group: 'claim', description: 'Lines for services payers usually pre-authorise (advanced imaging, echocardiography, stress tests, monitoring, sleep studies).' },
  { name: 'cpt_not_paid_rate', group: 'history', description: 'Share of claims with the same primary procedure not paid in full, last 12 months, all payers, smoothed toward the overall rate.' },
  { name: 'icd_not_paid_rate', group: 'history', description: 'Share of claims with the same primary diagnosis not paid in full, last 12 months, smoothed.' },
  { name: 'payer_not_paid_rate', group: 'history', description: "Share of the payer's claims not paid in full, last 12 months, smoothed." },
  { name: 'provider_not_paid_rate', group: 'history', description: "Share of the practice's claims not paid in full, last 12 months, smoothed." },
  { name: 'payer_cpt_not_paid_rate', group: 'history', description: 'Share of claims to this payer with this primary procedure not paid in full, last 12 months, smoothed.' },
  { name: 'payer_cpt_claims', group: 'history', description: 'How many claims to this payer with this primary procedure were adjudicated in the last 12 months: how much the rate above rests on.' },
  { name: 'provider_monthly_volume', group: 'practice', description: "The practice's adjudicated claims a month over the last 12 months." },
  { name: 'provider_tenure_months', group: 'practice', description: 'Months since the practice\'s first adjudicated claim.' },
  { name: 'billed_cents', group: 'claim', description: 'The amount billed, in cents.' },
  { name: 'billed_vs_typical', group: 'claim', description: 'The amount billed over the mean billed for claims with the same primary procedure (last 12 months); missing without history.' },
  { name: 'line_count', group: 'claim', description: 'Service lines on the claim.' },
  { name: 'place_of_service', group: 'claim', description: 'The CMS place-of-service code, as a number.' },
  { name: 'duplicate_suspect', group: 'claim', description: 'Other claims for the same patient, date of service and primary procedure already known.' },
  { name: 'days_to_submission', group: 'timing', description: 'Days from the date of service to submission (timely filing).' },
  { name: 'patient_age', group: 'patient', description: 'Age on the date of service, 90 for 90 or older (Safe Harbor).' },
  { name: 'patient_sex', group: 'patient', description: '1 female, 0 male, missing when unknown.' },
] as const satisfies readonly FeatureSpec[]

export type FeatureName = (typeof FEATURES)[number]['name']

export const FEATURE_NAMES: readonly FeatureName[] = FEATURES.map((f) => f.name)

const BY_NAME = new Map<string, FeatureSpec>(FEATURES.map((f) => [f.name, f]))

export function featureSpec(name: string): FeatureSpec | undefined {
  return BY_NAME.get(name)
}
