// 835 remittance advice into X12Remittance835. CAS before the first SVC of a claim adjusts the claim,
// after it the service line (loop 2110). The payment balances as the 835 guide requires:
// BPR02 = sum of CLP04 - sum of PLB amounts (a PLB amount is what the payer withholds; negative gives back).
import { interchangesOf } from './envelope'
import { expectedPaymentCents } from './remittance-balance'
import type { X12ReaderInput, X12TransactionSet } from './envelope'
import type { X12Adjustment, X12ClaimPayment, X12Issue, X12Party, X12Remittance835, X12ServicePayment } from './model'
import { element, parseX12Cents, parseX12Date, parseX12Number, splitComponents } from './segments'
import type { X12Segment } from './segments'

export type Read835Result = { ok: boolean; remittances: X12Remittance835[]; issues: X12Issue[] }

export type PaymentBalance835 = { claimsPaidCents: number; providerAdjustmentCents: number; expectedPaymentCents: number; balanced: boolean }

const GROUPS = new Set(['CO', 'PR', 'OA', 'PI', 'CR'])

/**
 * The reader checks only BPR02 against the claims and PLBs: real files often carry adjustments at the
 * claim level only, which the writer's stricter rules (remittanceBalances) would refuse.
 */
export function paymentBalance835(r: X12Remittance835): PaymentBalance835 {
  const claimsPaidCents = r.claims.reduce((sum, c) => sum + c.paidCents, 0)
  const expected = expectedPaymentCents(r)
  return { claimsPaidCents, providerAdjustmentCents: claimsPaidCents - expected, expectedPaymentCents: expected, balanced: expected === r.paymentCents }
}

/** Reads every 835 transaction set. Never throws. */
export function read835(input: X12ReaderInput): Read835Result {
  const { transactions } = interchangesOf(input)
  const issues: X12Issue[] = []
  const sets = transactions.filter((t) => t.type === '835')
  if (sets.length === 0) issues.push({ segment: 0, message: 'no 835 transaction set' })
  const remittances = sets.map((set) => readSet(set, issues))
  return { ok: sets.length > 0, remittances, issues }
}

function readSet(set: X12TransactionSet, issues: X12Issue[]): X12Remittance835 {
  const comp = (value: string) => splitComponents(value, set.delimiters)
  const issue = (s: X12Segment, message: string) => issues.push({ segment: s.position, segmentId: s.id, message })
  const cents = (s: X12Segment, n: number, what: string, optional = false): number => {
    const raw = element(s, n)
    if (optional && raw === '') return 0
    const value = parseX12Cents(raw)
    if (value === undefined) issue(s, `${what} "${raw}" is not an amount`)
    return value ?? 0
  }
  const r: X12Remittance835 = {
    envelope: set.envelope,
    paymentCents: 0,
    paymentMethod: '',
    paymentDate: '',
    traceNumber: '',
    payer: { entityType: '2', lastOrOrganizationName: '' },
    payee: { entityType: '2', lastOrOrganizationName: '' },
    claims: [],
    providerAdjustments: [],
  }
  let bpr: X12Segment | undefined
  let paymentReadable = false
  let party: X12Party | undefined
  let claim: X12ClaimPayment | undefined
  let service: X12ServicePayment | undefined

  for (const s of set.segments) {
    const e = (n: number) => element(s, n)
    switch (s.id) {
      case 'BPR':
        bpr = s
        paymentReadable = parseX12Cents(e(2)) !== undefined
        r.paymentCents = cents(s, 2, 'BPR02')
        r.paymentMethod = e(4)
        r.paymentDate = parseX12Date(e(16)) ?? ''
        if (!r.paymentDate && e(16)) issue(s, `BPR16 "${e(16)}" is not a date`)
        break
      case 'TRN':
        if (!r.traceNumber) r.traceNumber = e(2)
        break
      case 'N1': {
        const named: X12Party = { entityType: '2', lastOrOrganizationName: e(2).trim(), ...(e(3) ? { idQualifier: e(3) } : {}), ...(e(4) ? { id: e(4) } : {}) }
        party = undefined
        if (e(1) === 'PR') r.payer = party = named
        else if (e(1) === 'PE') r.payee = party = named
        break
      }
      case 'N3':
        if (party && !claim) party.address = { ...(party.address ?? emptyAddress()), line1: e(1), ...(e(2) ? { line2: e(2) } : {}) }
        break
      case 'N4':
        if (party && !claim) party.address = { ...(party.address ?? emptyAddress()), city: e(1), state: e(2), postalCode: e(3) }
        break
      case 'REF':
        // 1000A REF*2U: the payer's id when N1*PR has none (5010 puts it here, not in N104).
        if (!claim && party === r.payer && e(1) === '2U' && !r.payer.id) Object.assign(r.payer, { idQualifier: 'PI', id: e(2) })
        break
      case 'CLP':
        party = undefined
        service = undefined
        claim = {
          claimId: e(1),
          statusCode: e(2),
          chargeCents: cents(s, 3, 'CLP03'),
          paidCents: cents(s, 4, 'CLP04'),
          patientResponsibilityCents: cents(s, 5, 'CLP05', true),
          payerClaimControlNumber: e(7),
          adjustments: [],
          services: [],
        }
        if (!e(1)) issue(s, 'CLP01 (claim id) is empty')
        r.claims.push(claim)
        break
      case 'CAS': {
        const target = service ?? claim
        if (!target) {
          issue(s, 'CAS outside a claim')
          break
        }
        const group = e(1)
        if (!isGroup(group)) {
          issue(s, `CAS01 "${group}" is not a claim adjustment group code`)
          break
        }
        // Up to six reason / amount / quantity triplets: CAS02-04, CAS05-07 ... CAS17-19.
        for (let i = 0; i < 6; i++) {
          const reason = e(2 + 3 * i)
          if (!reason) continue
          const adjustment: X12Adjustment = { group, reason, amountCents: cents(s, 3 + 3 * i, `CAS${String(3 + 3 * i).padStart(2, '0')}`) }
          const quantity = parseX12Number(e(4 + 3 * i))
          if (quantity !== undefined) adjustment.quantity = quantity
          target.adjustments.push(adjustment)
        }
        break
      }
      case 'SVC': {
        if (!claim) {
          issue(s, 'SVC outside a claim')
          break
        }
        const [, code = '', ...modifiers] = comp(e(1))
        service = {
          procedureCode: code,
          modifiers: modifiers.slice(0, 4).filter((m) => m !== ''),
          chargeCents: cents(s, 2, 'SVC02'),
          paidCents: cents(s, 3, 'SVC03'),
          adjustments: [],
          remarks: [],
        }
        const units = parseX12Number(e(5))
        if (units !== undefined) service.units = units
        claim.services.push(service)
        break
      }
      case 'DTM':
        // 472 service date; 150 is the start of a service period.
        if (service && (e(1) === '472' || (e(1) === '150' && !service.serviceDate))) {
          const date = parseX12Date(e(2))
          if (date) service.serviceDate = date
          else issue(s, `DTM02 "${e(2)}" is not a date`)
        }
        break
      case 'LQ':
        if (service && e(1) === 'HE' && e(2)) service.remarks.push(e(2))
        break
      case 'PLB':
        // PLB03/04 ... PLB13/14: up to six reason:reference / amount pairs.
        for (let i = 0; i < 6; i++) {
          const reasonComposite = e(3 + 2 * i)
          if (!reasonComposite) continue
          const [reason = '', referenceId] = comp(reasonComposite)
          r.providerAdjustments.push({
            providerId: e(1),
            fiscalPeriodDate: parseX12Date(e(2)) ?? '',
            reason,
            ...(referenceId ? { referenceId } : {}),
            amountCents: cents(s, 4 + 2 * i, `PLB${String(4 + 2 * i).padStart(2, '0')}`),
          })
        }
        break
    }
  }
  if (!bpr) issues.push({ segment: set.segments[0]?.position ?? 0, segmentId: 'ST', message: '835 without BPR' })
  else if (set.complete && paymentReadable) {
    const b = paymentBalance835(r)
    if (!b.balanced) {
      issue(
        bpr,
        `BPR02 ${r.paymentCents / 100} does not balance: claims paid ${b.claimsPaidCents / 100} - provider adjustments ${b.providerAdjustmentCents / 100} = ${b.expectedPaymentCents / 100}`,
      )
    }
  }
  return r
}

function isGroup(value: string): value is X12Adjustment['group'] {
  return GROUPS.has(value)
}

function emptyAddress() {
  return { line1: '', city: '', state: '', postalCode: '' }
}
