import { describe, expect, it } from 'vitest'
import type { X12ClaimPayment, X12Remittance835 } from '../../payers/x12/model'
import { claimOutcomeOf, historySequenceOf, planPosting, type ClaimOnFile } from '.'

const service = (paid: number, charge: number, adjustments: X12ClaimPayment['adjustments'], remarks: string[] = []) => ({ procedureCode: '99213', modifiers: [], chargeCents: charge, paidCents: paid, adjustments, remarks })
const payment = (claimId: string, services: X12ClaimPayment['services'], statusCode = '1'): X12ClaimPayment => ({
  claimId,
  statusCode,
  chargeCents: services.reduce((s, x) => s + x.chargeCents, 0),
  paidCents: services.reduce((s, x) => s + x.paidCents, 0),
  patientResponsibilityCents: services.flatMap((s) => s.adjustments).filter((a) => a.group === 'PR').reduce((s, a) => s + a.amountCents, 0),
  payerClaimControlNumber: 'P1',
  adjustments: [],
  services,
})
const remittance = (claims: X12ClaimPayment[]): X12Remittance835 => ({
  envelope: { senderId: '60054', receiverId: 'CLAIMPAY', interchangeControlNumber: '1', groupControlNumber: '1', transactionControlNumber: '1', implementationGuide: '005010X221A1', createdAt: '2026-11-20T00:00:00Z', usage: 'T' },
  paymentCents: claims.reduce((s, c) => s + c.paidCents, 0),
  paymentMethod: 'ACH',
  paymentDate: '2026-11-20',
  traceNumber: 'T1',
  payer: { entityType: '2', lastOrOrganizationName: 'AETNA', idQualifier: 'PI', id: '60054' },
  payee: { entityType: '2', lastOrOrganizationName: 'CLINIC' },
  claims,
  providerAdjustments: [],
})
const onFile = (id: string, billedCents: number, more: Partial<ClaimOnFile> = {}): [string, ClaimOnFile] => [id, { id, providerId: 'prv_1', payerId: '60054', status: 'submitted', billedCents, postedByTrace: null, ...more }]

describe('planPosting', () => {
  const partial = payment('clm_a', [service(7_000, 10_000, [{ group: 'CO', reason: '45', amountCents: 2_000 }, { group: 'PR', reason: '3', amountCents: 1_000 }]), service(0, 5_000, [{ group: 'CO', reason: '4', amountCents: 5_000 }], ['N1'])])

  it('posts a matched claim with its outcome, denial reason and patient share', () => {
    const plan = planPosting(remittance([partial]), new Map([onFile('clm_a', 15_000)]), 'T1')
    expect(plan.items).toEqual([])
    expect(plan.postings).toHaveLength(1)
    expect(plan.postings[0]!.outcome).toMatchObject({ outcome: 'partial', carc: '4', remarkCodes: ['N1'] })
    expect(claimOutcomeOf(payment('x', [service(0, 5_000, [{ group: 'CO', reason: '27', amountCents: 5_000 }])], '4')).outcome).toBe('denied')
  })

  it('lists what it cannot post: unknown, already posted, another payer, another amount', () => {
    const plan = planPosting(
      remittance([payment('clm_x', [service(100, 100, [])]), partial, payment('clm_b', [service(100, 100, [])]), payment('clm_c', [service(100, 100, [])])]),
      new Map([onFile('clm_a', 15_000, { status: 'adjudicated', postedByTrace: 'T0' }), onFile('clm_b', 100, { payerId: '87726' }), onFile('clm_c', 999)]),
      'T1',
    )
    expect(plan.postings).toEqual([])
    expect(plan.items.map((i) => [i.claimRef, i.kind])).toEqual([['clm_x', 'unknown-claim'], ['clm_a', 'already-posted'], ['clm_b', 'payer-mismatch'], ['clm_c', 'charge-mismatch']])
  })

  it('skips claims this same 835 already posted (a redelivery after a crash)', () => {
    const plan = planPosting(remittance([partial]), new Map([onFile('clm_a', 15_000, { status: 'adjudicated', postedByTrace: 'T1' })]), 'T1')
    expect(plan).toEqual({ postings: [], items: [], alreadyDone: ['clm_a'] })
  })

  it('refuses amounts that do not add up', () => {
    const bad = { ...partial, paidCents: 7_500 }
    expect(planPosting(remittance([bad]), new Map([onFile('clm_a', 15_000)]), 'T1').items.map((i) => i.kind)).toEqual(['amounts-do-not-add-up'])
  })

  it('numbers history rows the same way every time, within 2^52', () => {
    expect(historySequenceOf('clm_a')).toBe(historySequenceOf('clm_a'))
    expect(historySequenceOf('clm_a')).not.toBe(historySequenceOf('clm_b'))
    expect(Number.isSafeInteger(historySequenceOf('clm_zzzzzzzz'))).toBe(true)
  })
})

describe('journalForPosting', () => {
  it('builds a balanced partial reimbursement from the 835 figures', async () => {
    const { journalForPosting } = await import('.')
    const services = [service(7_000, 10_000, [{ group: 'CO', reason: '45', amountCents: 2_000 }, { group: 'PR', reason: '3', amountCents: 1_000 }])]
    const plan = planPosting(remittance([payment('clm_a', services)]), new Map([onFile('clm_a', 10_000)]), 'T1')
    const journal = journalForPosting(plan.postings[0]!, { claimId: 'clm_a', providerId: 'prv_1', payerId: '60054', poolId: 'pool_1' }, { billedCents: 10_000, payoutCents: 9_500 })
    expect(journal.ok).toBe(true)
    if (!journal.ok) return
    const debits = journal.journal.lines.reduce((s, l) => s + l.debitCents, 0)
    expect(debits).toBe(journal.journal.lines.reduce((s, l) => s + l.creditCents, 0))
  })
})
