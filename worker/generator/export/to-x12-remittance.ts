// HistoryRecords of one payer -> one 835. Each claim is balanced the way remittanceBalances checks it;
// when the engine's outcome does not add up, the difference is written as OA-23 and counted, so a
// generator bug shows up as a figure instead of a refused file.
import type { HistoryRecord, Provider } from '../engine'
import type { X12Adjustment, X12ClaimPayment, X12Envelope, X12Remittance835, X12ServicePayment } from '../../payers/x12/model'
import { normalizeText } from '../../payers/x12/x12-format'
import { practiceAddress } from './synthetic-parties'

export class MixedPayerRemittance extends Error {
  override name = 'MixedPayerRemittance'
}

export type RemittanceOptions = { provider: Provider; paymentDate: string; envelope: X12Envelope; traceNumber: string }

/** The 835 and the claims whose outcome needed an OA-23 to balance. */
export type RemittanceMapping = { remittance: X12Remittance835; oa23ClaimIds: string[] }

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
const sumAdjustments = (xs: readonly X12Adjustment[]) => sum(xs.map((a) => a.amountCents))

// CLP02: the engine adjudicates as the only (primary) payer, so 1 processed as primary or 4 denied;
// 2/3 (secondary, tertiary) and 22 (reversal) have no counterpart in its outcomes.
const statusCode = (record: HistoryRecord) => (record.outcome.status === 'denied' ? '4' : '1')

function toClaimPayment(record: HistoryRecord): { payment: X12ClaimPayment; fixed: boolean } {
  const { claim, outcome } = record
  const toX12 = (a: HistoryRecord['outcome']['adjustments'][number]): X12Adjustment => ({ group: a.group, reason: a.reason, amountCents: a.amountCents })
  const claimLevel = outcome.adjustments.filter((a) => a.line === null).map(toX12)
  const deniedLines = new Set(outcome.denial?.lines ?? [])
  let fixed = false
  const services: X12ServicePayment[] = claim.lines.map((line, i) => {
    const adjustments = outcome.adjustments.filter((a) => a.line === i + 1).map(toX12)
    let paid = line.chargeCents - sumAdjustments(adjustments)
    if (paid < 0) {
      // Adjustments beyond the charge: a negative OA-23 brings the line back to nothing paid.
      adjustments.push({ group: 'OA', reason: '23', amountCents: paid })
      paid = 0
      fixed = true
    }
    return {
      procedureCode: line.procedureCode,
      modifiers: [...line.modifiers],
      chargeCents: line.chargeCents,
      paidCents: paid,
      units: line.units,
      serviceDate: claim.serviceDate,
      adjustments,
      remarks: deniedLines.has(i + 1) ? [...(outcome.denial?.rarc ?? [])] : [],
    }
  })
  // CLP04 = CLP03 - claim CAS - service CAS; anything the outcome's paid amount leaves over is OA-23.
  const difference = sum(services.map((s) => s.paidCents)) - sumAdjustments(claimLevel) - outcome.paidCents
  if (difference !== 0) {
    claimLevel.push({ group: 'OA', reason: '23', amountCents: difference })
    fixed = true
  }
  const all = [...claimLevel, ...services.flatMap((s) => s.adjustments)]
  return {
    fixed,
    payment: {
      claimId: claim.claimNumber,
      statusCode: statusCode(record),
      chargeCents: sum(claim.lines.map((l) => l.chargeCents)),
      paidCents: outcome.paidCents,
      // CLP05 is what the PR adjustments say, so the segment agrees with its own CAS.
      patientResponsibilityCents: sumAdjustments(all.filter((a) => a.group === 'PR')),
      payerClaimControlNumber: `SYN${String(record.trace.seed >>> 0)}C${String(record.trace.sequence).padStart(8, '0')}`,
      adjustments: claimLevel,
      services,
    },
  }
}

/** One payer's 835 paying the given adjudicated claims on one date. Throws MixedPayerRemittance. */
export function toX12Remittance835(records: readonly HistoryRecord[], opts: RemittanceOptions): RemittanceMapping {
  const first = records[0]
  if (!first) throw new RangeError('a remittance needs at least one claim')
  const payer = first.claim.payer
  if (records.some((r) => r.claim.payer.id !== payer.id)) throw new MixedPayerRemittance(`an 835 is from one payer; got claims for several besides ${payer.id}`)
  const mapped = records.map(toClaimPayment)
  const claims = mapped.map((m) => m.payment)
  const paymentCents = sum(claims.map((c) => c.paidCents))
  return {
    oa23ClaimIds: mapped.filter((m) => m.fixed).map((m) => m.payment.claimId),
    remittance: {
      envelope: opts.envelope,
      paymentCents,
      // NON: a denial-only remittance moves no money.
      paymentMethod: paymentCents === 0 ? 'NON' : 'ACH',
      paymentDate: opts.paymentDate,
      traceNumber: opts.traceNumber,
      payer: { entityType: '2', lastOrOrganizationName: normalizeText(payer.name), idQualifier: 'PI', id: payer.id, address: { line1: '9 SYNTHETIC PAYER ROAD', city: 'TESTBURG', state: 'IL', postalCode: '60601' } },
      payee: { entityType: '2', lastOrOrganizationName: normalizeText(opts.provider.name), idQualifier: 'XX', id: opts.provider.organizationNpi, address: practiceAddress(opts.provider) },
      claims,
      providerAdjustments: [],
    },
  }
}
