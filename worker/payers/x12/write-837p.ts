// 837 professional claims, 005010X222A1. One billing-provider HL (with its subscriber HL, and a patient
// HL when the patient is not the subscriber) per claim: the guide allows repeating the same provider,
// and it keeps each claim's hierarchy independent of its neighbours, so a batch writes the same
// segments for a claim whichever claims travel with it.
import type { X12Claim837, X12Envelope, X12Party } from './model'
import { digitsOnly, formatAmount, formatDate, formatQuantity, formatTimestamp, normalizeText } from './x12-format'
import { writeAddress, writeName } from './write-party'
import { X12SegmentWriter } from './x12-writer'
import type { InterchangeOptions, X12Delimiters, X12WriteError, X12WriteResult } from './x12-writer'

export const GUIDE_837P = '005010X222A1'

export type Write837POptions = {
  envelope: X12Envelope
  /** 1000A: NM1*41, id qualifier 46 (ETIN). */
  submitter: X12Party
  /** 1000A PER*IC: the guide requires a contact with a phone or an e-mail. */
  submitterContact: { name: string; phone?: string; email?: string }
  /** 1000B: NM1*40, id qualifier 46. */
  receiver: X12Party
  /** BHT03: the batch's own reference; the transaction control number when absent. */
  batchReference?: string
  /** SBR09 claim filing indicator: CI commercial (default), MB Medicare Part B, MC Medicaid ... */
  claimFilingIndicator?: string
  /** PRV*BI*PXC: the billing provider's taxonomy code, when the payer wants it. */
  billingProviderTaxonomy?: string
  delimiters?: Partial<X12Delimiters>
  interchange?: InterchangeOptions
}

const MAX_DIAGNOSES = 12
const MAX_MODIFIERS = 4
const MAX_POINTERS = 4

function invalid(reason: X12WriteError['reason'], message: string, claimId?: string, segmentId?: string): X12WriteError {
  return { ok: false, reason, message, ...(claimId === undefined ? {} : { claimId }), ...(segmentId === undefined ? {} : { segmentId }) }
}

/** What must hold before a claim is written; the first problem, or undefined. */
function checkClaim(claim: X12Claim837): X12WriteError | undefined {
  const id = claim.claimId
  if (claim.kind !== '837P') return invalid('unsupported-claim-kind', `claim ${id} is an ${claim.kind}, not an 837P`, id)
  if (claim.diagnoses.length === 0) return invalid('missing-required', `claim ${id} has no diagnosis`, id, 'HI')
  if (claim.diagnoses.length > MAX_DIAGNOSES) return invalid('too-many-diagnoses', `claim ${id} has more than ${MAX_DIAGNOSES} diagnoses`, id, 'HI')
  if (claim.lines.length === 0) return invalid('missing-required', `claim ${id} has no service line`, id, 'SV1')
  if (!claim.billingProvider.id) return invalid('missing-required', `claim ${id}: the billing provider has no NPI`, id, 'NM1')
  if (!claim.billingProvider.address) return invalid('missing-required', `claim ${id}: the billing provider has no address`, id, 'N3')
  if (!claim.billingProvider.taxId) return invalid('missing-required', `claim ${id}: the billing provider has no tax id`, id, 'REF')
  if (!claim.subscriber.id) return invalid('missing-required', `claim ${id}: the subscriber has no member id`, id, 'NM1')
  if (!claim.payer.id) return invalid('missing-required', `claim ${id}: the payer has no id`, id, 'NM1')
  let lineTotal = 0
  for (const line of claim.lines) {
    if (line.modifiers.length > MAX_MODIFIERS) return invalid('too-many-modifiers', `claim ${id} line ${line.lineNumber} has more than ${MAX_MODIFIERS} modifiers`, id, 'SV1')
    const pointers = line.diagnosisPointers
    if (pointers.length === 0 || pointers.length > MAX_POINTERS || pointers.some((p) => !Number.isInteger(p) || p < 1 || p > claim.diagnoses.length)) {
      return invalid('invalid-diagnosis-pointer', `claim ${id} line ${line.lineNumber} points at a diagnosis it does not have`, id, 'SV1')
    }
    if (!line.serviceDate || !formatDate(line.serviceDate)) return invalid('missing-required', `claim ${id} line ${line.lineNumber} has no valid service date`, id, 'DTP')
    if (!Number.isSafeInteger(line.chargeCents) || line.chargeCents < 0) return invalid('invalid-value', `claim ${id} line ${line.lineNumber} charge is not a whole number of cents`, id, 'SV1')
    if (formatQuantity(line.units) === undefined) return invalid('invalid-value', `claim ${id} line ${line.lineNumber} units are not a quantity`, id, 'SV1')
    lineTotal += line.chargeCents
  }
  // The guide: CLM02 is the sum of the service line charges (SV102).
  if (lineTotal !== claim.totalChargeCents) return invalid('charge-mismatch', `claim ${id}: CLM02 is not the sum of its line charges`, id, 'CLM')
  const birthDates = [claim.subscriber.birthDate, claim.patient?.birthDate].filter((d): d is string => d !== undefined)
  if (birthDates.some((d) => !formatDate(d))) return invalid('invalid-value', `claim ${id}: a birth date is not a date`, id, 'DMG')
  return undefined
}

/** ICD-10-CM principal ABK then ABF; ICD-9 (BK/BF) stays ICD-9. */
function diagnosisQualifier(qualifier: string, index: number): string {
  const icd9 = qualifier === 'BK' || qualifier === 'BF'
  if (index === 0) return icd9 ? 'BK' : 'ABK'
  return icd9 ? 'BF' : 'ABF'
}

function writeClaim(w: X12SegmentWriter, claim: X12Claim837, hl: number, filingIndicator: string, taxonomy: string | undefined): number {
  const billingHl = hl
  w.segment('HL', String(billingHl), undefined, '20', '1')
  if (taxonomy) w.segment('PRV', 'BI', 'PXC', taxonomy)
  writeName(w, '85', claim.billingProvider, 'XX')
  writeAddress(w, claim.billingProvider.address)
  w.segment('REF', 'EI', digitsOnly(claim.billingProvider.taxId ?? ''))

  const subscriberHl = hl + 1
  const patient = claim.patient
  w.segment('HL', String(subscriberHl), String(billingHl), '22', patient ? '1' : '0')
  w.segment('SBR', 'P', patient ? undefined : '18', undefined, undefined, undefined, undefined, undefined, undefined, filingIndicator)
  writeName(w, 'IL', claim.subscriber, 'MI')
  writeAddress(w, claim.subscriber.address)
  if (claim.subscriber.birthDate) w.segment('DMG', 'D8', formatDate(claim.subscriber.birthDate), claim.subscriber.sex ?? 'U')
  writeName(w, 'PR', claim.payer, 'PI')
  writeAddress(w, claim.payer.address)

  let last = subscriberHl
  if (patient) {
    last = subscriberHl + 1
    w.segment('HL', String(last), String(subscriberHl), '23', '0')
    // PAT01 individual relationship code; G8 "other relationship" when the caller did not say.
    w.segment('PAT', patient.relationship ?? 'G8')
    writeName(w, 'QC', patient, null)
    writeAddress(w, patient.address)
    if (patient.birthDate) w.segment('DMG', 'D8', formatDate(patient.birthDate), patient.sex ?? 'U')
  }

  // CLM06 provider signature on file, CLM07 assigned, CLM08 benefits assigned, CLM09 release of information.
  w.segment('CLM', claim.claimId, formatAmount(claim.totalChargeCents), undefined, undefined, [claim.placeOfService, 'B', claim.frequencyCode], 'Y', 'A', 'Y', 'Y')
  if (claim.priorAuthorization) w.segment('REF', 'G1', claim.priorAuthorization)
  w.segment('HI', ...claim.diagnoses.map((d, i) => [diagnosisQualifier(d.qualifier, i), d.code.replace('.', '')]))
  if (claim.renderingProvider) writeName(w, '82', claim.renderingProvider, 'XX')

  for (const [i, line] of claim.lines.entries()) {
    w.segment('LX', String(i + 1))
    // SV105 only when the line's place of service differs from CLM05-1, as the guide asks.
    const pos = line.placeOfService && line.placeOfService !== claim.placeOfService ? line.placeOfService : undefined
    w.segment(
      'SV1',
      ['HC', line.procedureCode, ...line.modifiers],
      formatAmount(line.chargeCents),
      line.unitBasis || 'UN',
      formatQuantity(line.units),
      pos,
      undefined,
      line.diagnosisPointers.map(String),
    )
    w.segment('DTP', '472', 'D8', formatDate(line.serviceDate ?? ''))
  }
  return last + 1
}

/** Writes one interchange holding one 837P transaction with every claim, or says why it cannot. */
export function write837P(claims: readonly X12Claim837[], opts: Write837POptions): X12WriteResult {
  if (claims.length === 0) return invalid('no-claims', 'an 837P needs at least one claim')
  for (const claim of claims) {
    const problem = checkClaim(claim)
    if (problem) return problem
  }
  const contact = opts.submitterContact
  if (!contact.phone && !contact.email) return invalid('missing-required', 'the submitter contact needs a phone or an e-mail', undefined, 'PER')
  const envelope = { ...opts.envelope, implementationGuide: GUIDE_837P }
  const at = formatTimestamp(envelope.createdAt)
  if (!at) return invalid('invalid-envelope', 'createdAt is not an ISO date-time', undefined, 'BHT')

  const w = new X12SegmentWriter(opts.delimiters)
  w.beginInterchange(envelope, opts.interchange).beginGroup('HC', envelope).beginTransaction('837', envelope)
  // BHT02 00 original; BHT06 CH chargeable (not a reporting-only encounter).
  w.segment('BHT', '0019', '00', opts.batchReference ?? envelope.transactionControlNumber, at.ccyymmdd, at.hhmm, 'CH')
  writeName(w, '41', opts.submitter, '46')
  const phone = contact.phone ? digitsOnly(contact.phone) : undefined
  const means = [phone ? ['TE', phone] : [], contact.email ? ['EM', contact.email] : []].flat()
  w.segment('PER', 'IC', normalizeText(contact.name), ...means)
  writeName(w, '40', opts.receiver, '46')

  let hl = 1
  const filing = opts.claimFilingIndicator ?? 'CI'
  for (const claim of claims) {
    hl = writeClaim(w, claim, hl, filing, opts.billingProviderTaxonomy)
    if (w.error) return { ...w.error, claimId: claim.claimId }
  }
  w.endTransaction().endGroup().endInterchange()
  return w.finish()
}
