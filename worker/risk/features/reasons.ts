import { formatIcd10 } from '../../coding/format-icd10'
import type { FeatureEvidence } from './build-features'
import { featureSpec, type FeatureGroup } from './feature-catalogue'
import type { WindowOutcomes } from './monthly-outcomes'

/** One reason a claim scored lower, for the provider and the funding bank. */
export type RiskReason = { code: string; feature: string; group: FeatureGroup; message: string; impact: number }

/** Contributions smaller than this (log-odds) are noise, not reasons. */
const MIN_IMPACT = 0.02

/**
 * The features that pulled the score down most (most negative TreeSHAP contributions toward payment
 * in full), in plain words with the figures behind them.
 */
export function explainContributions(featureNames: readonly string[], contributions: ArrayLike<number>, evidence: FeatureEvidence, limit = 3): RiskReason[] {
  const order = featureNames.map((_, i) => i).filter((i) => contributions[i]! < -MIN_IMPACT).sort((a, b) => contributions[a]! - contributions[b]!)
  return order.slice(0, limit).map((i) => {
    const feature = featureNames[i]!
    return { code: `risk.${feature}`, feature, group: featureSpec(feature)?.group ?? 'claim', message: describe(feature, evidence), impact: round(contributions[i]!, 4) }
  })
}

const pct = (w: WindowOutcomes) => `${Math.round((100 * w.notPaid) / Math.max(1, w.claims))}%`
const claimsWord = (n: number) => `${n.toLocaleString('en-US')} claim${n === 1 ? '' : 's'}`
const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

function describe(feature: string, e: FeatureEvidence): string {
  const s = e.subject
  const cpt = s.lines[0]?.procedureCode ?? 'its procedure'
  const icd = s.diagnoses[0] ? formatIcd10(s.diagnoses[0]) : 'its diagnosis'
  const o = e.outcomes
  switch (feature) {
    case 'payer_cpt_not_paid_rate':
      return o['payer-cpt'].claims > 0
        ? `${s.payerName} did not pay ${pct(o['payer-cpt'])} of ${cpt} claims in full in the last 12 months (${claimsWord(o['payer-cpt'].claims)}).`
        : `ClaimPay has no history of ${s.payerName} paying ${cpt} claims.`
    case 'cpt_not_paid_rate':
      return `${pct(o.cpt)} of ${cpt} claims were not paid in full in the last 12 months, across payers (${claimsWord(o.cpt.claims)}).`
    case 'icd_not_paid_rate':
      return `${pct(o.icd)} of claims with primary diagnosis ${icd} were not paid in full in the last 12 months (${claimsWord(o.icd.claims)}).`
    case 'payer_not_paid_rate':
      return `${s.payerName} did not pay ${pct(o.payer)} of claims in full in the last 12 months (${claimsWord(o.payer.claims)}).`
    case 'provider_not_paid_rate':
      return `${pct(o.provider)} of this practice's claims were not paid in full in the last 12 months (${claimsWord(o.provider.claims)}).`
    case 'payer_cpt_claims':
      return `Few ${cpt} claims to ${s.payerName} have been adjudicated (${claimsWord(o['payer-cpt'].claims)} in 12 months), so there is little to go on.`
    case 'modifier_25_missing':
      return e.signals.modifier25Missing
        ? `The visit ${e.signals.modifier25Missing.visit} is billed with ${e.signals.modifier25Missing.procedure} the same day without modifier 25; payers bundle the visit.`
        : 'The claim bills a visit and a procedure the same day; check modifier 25 on the visit.'
    case 'ncci_unbundled_pairs':
      return e.signals.unbundledPairs.length > 0
        ? `${e.signals.unbundledPairs.map((p) => `${p.column2} is bundled into ${p.column1}`).join('; ')} (NCCI), and no modifier on the claim allows billing both.`
        : 'The combination of procedures is often bundled by payers.'
    case 'units_over_mue':
      return e.signals.worstMue
        ? `${e.signals.worstMue.code} is billed with ${e.signals.worstMue.units} units; its MUE limit is ${e.signals.worstMue.limit} a day.`
        : 'The units billed are unusual for these procedures.'
    case 'prior_auth_service':
      return e.priorAuthCodes.length > 0
        ? `${e.priorAuthCodes.join(', ')} usually need prior authorization, and the claim carries no authorization number.`
        : 'The services on this claim are ones payers often review.'
    case 'duplicate_suspect':
      return e.duplicates && e.duplicates > 0
        ? `ClaimPay already has ${claimsWord(e.duplicates)} for the same patient, date of service and ${cpt}: this one may be denied as a duplicate.`
        : 'The claim resembles others for the same patient.'
    case 'days_to_submission':
      return e.daysToSubmission !== null
        ? `Submitted ${e.daysToSubmission} days after the date of service; filing limits start at 90 days with some payers.`
        : 'The date of service could not be compared with the submission date.'
    case 'billed_vs_typical':
      return o.cpt.claims > 0
        ? `Billed ${dollars(s.billedCents)}, against a typical ${dollars(Math.round(o.cpt.billedCents / o.cpt.claims))} for claims with ${cpt}.`
        : `Billed ${dollars(s.billedCents)}, with no history of ${cpt} to compare with.`
    case 'billed_cents':
      return `The amount billed, ${dollars(s.billedCents)}, is in a range payers pay in full less often.`
    case 'coder_confidence':
      return s.coder ? `The auto-coder is ${Math.round(100 * s.coder.confidence)}% confident in the codes.` : 'The codes have not been checked by the auto-coder.'
    case 'edits_failed':
      return s.coder ? `The claim fails ${s.coder.editsFailed} coding edit${s.coder.editsFailed === 1 ? '' : 's'}.` : 'The codes have not been checked by the auto-coder.'
    case 'provider_tenure_months':
    case 'provider_monthly_volume':
      return `ClaimPay has little history with this practice (${claimsWord(o.provider.claims)} in the last 12 months).`
    case 'patient_age':
      return s.patientAge !== null ? `Claims for patients aged ${s.patientAge === 90 ? '90 or over' : s.patientAge} are paid in full less often for these services.` : 'The claim has no patient age.'
    case 'patient_sex':
      return 'The patient\u2019s sex is unusual for these services, or missing.'
    case 'place_of_service':
      return `Place of service ${s.placeOfService ?? 'missing'} is paid in full less often for these services.`
    default:
      return featureSpec(feature)?.description ?? feature
  }
}
