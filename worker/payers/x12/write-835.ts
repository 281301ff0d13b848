// 835 health care claim payment/advice, 005010X221A1: one interchange, one transaction, one LX
// header number holding every claim.
import type { X12Adjustment, X12Party, X12ProviderAdjustment, X12Remittance835 } from './model'
import { remittanceBalances } from './remittance-balance'
import { digitsOnly, formatAmount, formatDate, formatQuantity, formatTimestamp, normalizeText } from './x12-format'
import { writeAddress, writeName } from './write-party'
import { X12SegmentWriter } from './x12-writer'
import type { InterchangeOptions, X12Delimiters, X12WriteError, X12WriteResult } from './x12-writer'

export const GUIDE_835 = '005010X221A1'

export type Write835Options = {
  /** CLP06 claim filing indicator (12 PPO, 13 POS, MC Medicaid, MB Medicare B ...); 12 when absent. */
  claimFilingIndicator?: string | ((claimId: string) => string | undefined)
  /** TRN03: '1' followed by the payer's EIN; the payer's id when absent. */
  payerTaxId?: string
  /** 1000A PER*BL, the payer's technical contact (the guide requires it; we write it when given). */
  payerTechnicalContact?: { name: string; phone?: string; email?: string }
  /** BPR06-BPR15 for an ACH payment (routing numbers and accounts); omitted when absent. */
  bank?: { payerRoutingNumber: string; payerAccountNumber: string; payeeRoutingNumber: string; payeeAccountNumber: string }
  /** NM1*QC for a claim, when the patient is known. */
  patientFor?: (claimId: string) => X12Party | undefined
  delimiters?: Partial<X12Delimiters>
  interchange?: InterchangeOptions
}

const TRIPLETS_PER_CAS = 6
const PAIRS_PER_PLB = 6

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** CAS: adjustments grouped by group code, in order of first appearance, six triplets a segment. */
function writeAdjustments(w: X12SegmentWriter, adjustments: readonly X12Adjustment[]): void {
  const groups = new Map<string, X12Adjustment[]>()
  for (const a of adjustments) groups.set(a.group, [...(groups.get(a.group) ?? []), a])
  for (const [group, list] of groups) {
    for (const part of chunk(list, TRIPLETS_PER_CAS)) {
      w.segment('CAS', group, ...part.flatMap((a) => [a.reason, formatAmount(a.amountCents), a.quantity === undefined ? undefined : formatQuantity(a.quantity)]))
    }
  }
}

/** PLB: one per provider and fiscal period, six reason/amount pairs a segment. */
function writeProviderAdjustments(w: X12SegmentWriter, adjustments: readonly X12ProviderAdjustment[]): void {
  const groups = new Map<string, X12ProviderAdjustment[]>()
  for (const p of adjustments) {
    const key = `${p.providerId}\u0000${p.fiscalPeriodDate}`
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  for (const list of groups.values()) {
    const first = list[0]!
    for (const part of chunk(list, PAIRS_PER_PLB)) {
      w.segment('PLB', first.providerId, formatDate(first.fiscalPeriodDate), ...part.flatMap((p) => [[p.reason, p.referenceId], formatAmount(p.amountCents)]))
    }
  }
}

function contactMeans(c: { phone?: string; email?: string }): string[] {
  return [c.phone ? ['TE', digitsOnly(c.phone)] : [], c.email ? ['EM', c.email] : []].flat()
}

function checkDates(r: X12Remittance835): X12WriteError | undefined {
  const bad = (segmentId: string, message: string): X12WriteError => ({ ok: false, reason: 'invalid-value', message, segmentId })
  if (!formatDate(r.paymentDate)) return bad('BPR', 'BPR16 payment date is not a date')
  if (r.providerAdjustments.some((p) => !formatDate(p.fiscalPeriodDate))) return bad('PLB', 'PLB02 fiscal period date is not a date')
  if (r.claims.some((c) => c.services.some((s) => s.serviceDate !== undefined && !formatDate(s.serviceDate)))) return bad('DTM', 'a service date is not a date')
  return undefined
}

/** Writes the remittance as an 835, or refuses one that does not balance. */
export function write835(r: X12Remittance835, opts: Write835Options = {}): X12WriteResult {
  const balance = remittanceBalances(r)
  if (!balance.ok) {
    const reason = balance.reason === 'invalid-amount' ? 'invalid-value' : balance.reason
    return { ok: false, reason, message: balance.message, ...(balance.claimId === undefined ? {} : { claimId: balance.claimId }) }
  }
  const dateProblem = checkDates(r)
  if (dateProblem) return dateProblem
  const envelope = { ...r.envelope, implementationGuide: GUIDE_835 }
  const at = formatTimestamp(envelope.createdAt)
  if (!at) return { ok: false, reason: 'invalid-envelope', message: 'createdAt is not an ISO date-time', segmentId: 'DTM' }

  const w = new X12SegmentWriter(opts.delimiters)
  w.beginInterchange(envelope, opts.interchange).beginGroup('HP', envelope).beginTransaction('835', envelope)

  // BPR01 I: remittance with payment; H: notification only, nothing paid. BPR03 D when the payer takes money back.
  const bank = opts.bank
  const ach = r.paymentMethod === 'ACH' && bank
  w.segment(
    'BPR',
    r.paymentCents === 0 ? 'H' : 'I',
    formatAmount(Math.abs(r.paymentCents)),
    r.paymentCents < 0 ? 'D' : 'C',
    r.paymentMethod,
    ach ? 'CCP' : undefined,
    ach ? '01' : undefined,
    ach ? bank.payerRoutingNumber : undefined,
    ach ? 'DA' : undefined,
    ach ? bank.payerAccountNumber : undefined,
    ach && opts.payerTaxId ? `1${digitsOnly(opts.payerTaxId)}` : undefined,
    undefined,
    ach ? '01' : undefined,
    ach ? bank.payeeRoutingNumber : undefined,
    ach ? 'DA' : undefined,
    ach ? bank.payeeAccountNumber : undefined,
    formatDate(r.paymentDate),
  )
  w.segment('TRN', '1', r.traceNumber, opts.payerTaxId ? `1${digitsOnly(opts.payerTaxId)}` : r.payer.id)
  w.segment('DTM', '405', at.ccyymmdd)

  w.segment('N1', 'PR', normalizeText(r.payer.lastOrOrganizationName))
  writeAddress(w, r.payer.address)
  if (r.payer.id) w.segment('REF', '2U', r.payer.id)
  const contact = opts.payerTechnicalContact
  if (contact) w.segment('PER', 'BL', normalizeText(contact.name), ...contactMeans(contact))

  w.segment('N1', 'PE', normalizeText(r.payee.lastOrOrganizationName), r.payee.id ? (r.payee.idQualifier ?? 'XX') : undefined, r.payee.id)
  writeAddress(w, r.payee.address)

  if (r.claims.length > 0) w.segment('LX', '1')
  for (const claim of r.claims) {
    const filing = typeof opts.claimFilingIndicator === 'function' ? opts.claimFilingIndicator(claim.claimId) : opts.claimFilingIndicator
    w.segment(
      'CLP',
      claim.claimId,
      claim.statusCode,
      formatAmount(claim.chargeCents),
      formatAmount(claim.paidCents),
      formatAmount(claim.patientResponsibilityCents),
      filing ?? '12',
      claim.payerClaimControlNumber,
    )
    writeAdjustments(w, claim.adjustments)
    const patient = opts.patientFor?.(claim.claimId)
    if (patient) writeName(w, 'QC', patient, 'MI')
    for (const service of claim.services) {
      w.segment(
        'SVC',
        ['HC', service.procedureCode, ...service.modifiers],
        formatAmount(service.chargeCents),
        formatAmount(service.paidCents),
        undefined,
        service.units === undefined ? undefined : formatQuantity(service.units),
      )
      if (service.serviceDate) w.segment('DTM', '472', formatDate(service.serviceDate))
      writeAdjustments(w, service.adjustments)
      for (const remark of service.remarks) w.segment('LQ', 'HE', remark)
    }
    if (w.error) return { ...w.error, claimId: claim.claimId }
  }
  // PLB follows the last claim, inside the transaction (SE counts it).
  writeProviderAdjustments(w, r.providerAdjustments)
  w.endTransaction().endGroup().endInterchange()
  return w.finish()
}
