import type { ObjectsSnapshot } from '../../scripts/stripe-local'
import { readJournals } from '../../worker/payments/d1/d1-ledger'
import { checkLedger, type PostedJournal } from '../../worker/payments/ledger'
import type { SimWorld } from './sim-world'

/** Journal kinds that answer the payer's remittance for a claim: at most one per claim. */
const REMITTANCE_KINDS = new Set(['reimbursement-full', 'reimbursement-partial', 'denial-write-off'])

export type MoneyFigures = {
  claims: number
  approved: number
  rejected: number
  paid_once: number
  paid_twice: number
  unpaid_approved: number
  /** Transfers at Stripe that no payout row records: money out that the books do not know about. */
  unrecorded_transfers: number
  /** Payouts the bank returned (the practice whose account is closed): their claims show payout_failed. */
  payouts_returned: number
  /** Returned payouts whose transfer is not wholly back, or whose return the ledger has not posted once. */
  returns_not_recovered: number
  /** Payout rows whose status at the rail disagrees with Stripe once every event is delivered. */
  rail_status_mismatches: number
  ledger_balanced: boolean
  ledger_problems: number
  payout_journals_twice: number
  remittances_posted_twice: number
  submitted: number
  reconciled: number
  /** Claims filed with the payer whose answer is not posted at the end (a payout returned meanwhile changes nothing). */
  awaiting_remittance: number
  pool_cash_cents: Record<string, number>
  /** Claims the payer refused at the door (a 277CA): filed, never adjudicated; an admin corrects and refiles them. */
  refused_by_payer: number
  refused_reasons: Record<string, number>
  /** What 835 posting could not match and put on the admins' reconciliation list, by kind (a payer's duplicate 835s land here). */
  reconciliation_items: Record<string, number>
  /** Where the claims ended, by status. */
  statuses: Record<string, number>
}

type Row = Record<string, unknown>
const rows = async (d1: D1Database, sql: string, ...params: unknown[]) => (await d1.prepare(sql).bind(...params).all<Row>()).results

/** Where the run's money stands, read from D1 and the Stripe endpoint: what the invariants are checked on. */
export async function moneyFigures(d1: D1Database, world: SimWorld, stripe: ObjectsSnapshot): Promise<MoneyFigures> {
  const providers = world.practices.map((p) => p.providerId)
  const inProviders = `provider_id IN (${providers.map(() => '?').join(', ')})`
  const claims = await rows(d1, `SELECT id, status FROM claims WHERE ${inProviders}`, ...providers)
  const ours = new Set(claims.map((c) => String(c.id)))
  const approved = new Set((await rows(d1, `SELECT DISTINCT claim_id FROM claim_events WHERE ${inProviders} AND to_status = 'approved'`, ...providers)).map((r) => String(r.claim_id)))
  const everSubmitted = new Set((await rows(d1, `SELECT DISTINCT claim_id FROM claim_events WHERE ${inProviders} AND to_status = 'submitted'`, ...providers)).map((r) => String(r.claim_id)))
  const refusedByPayer = await rows(d1, `SELECT claim_id, json_extract(detail, '$.reason') AS reason FROM claim_events WHERE ${inProviders} AND to_status = 'submitted' AND json_extract(detail, '$.accepted') = 0`, ...providers)
  const listed = await rows(d1, `SELECT kind, COUNT(*) AS n FROM reconciliation_items WHERE ${inProviders} GROUP BY kind`, ...providers)
  const payouts = await rows(d1, `SELECT claim_id, status, transfer_id, rail_status, stripe_payout_id, amount_cents, transfer_reversed_cents FROM payouts WHERE ${inProviders}`, ...providers)

  const count = <T>(items: T[], key: (t: T) => string | undefined) => {
    const m = new Map<string, number>()
    for (const item of items) {
      const k = key(item)
      if (k !== undefined && ours.has(k)) m.set(k, (m.get(k) ?? 0) + 1)
    }
    return m
  }
  const transfersByClaim = count(stripe.transfers, (t) => t.transfer_group ?? undefined)
  const stripePayoutsByClaim = count(stripe.payouts, (p) => p.metadata?.claim_id)
  const recordedTransfers = new Set(payouts.filter((p) => p.status === 'sent').map((p) => String(p.transfer_id)))
  const stripePayoutStatus = new Map(stripe.payouts.map((p) => [p.id, p.status]))

  const journals = (await readJournals(d1)).filter((j) => (j.claimId !== undefined && ours.has(j.claimId)) || j.lines.some((l) => l.poolId !== undefined && world.pools.some((p) => p.poolId === l.poolId)))
  const journalsOf = (kind: (k: PostedJournal['kind']) => boolean) => count(journals.filter((j) => kind(j.kind)), (j) => j.claimId)
  const check = checkLedger(journals)
  const poolCash: Record<string, number> = {}
  for (const pool of world.pools) poolCash[pool.poolId] = 0
  for (const j of journals) for (const l of j.lines) if (l.account === 'funding_pool_cash' && l.poolId !== undefined && l.poolId in poolCash) poolCash[l.poolId]! += l.debitCents - l.creditCents

  const status = (s: string) => claims.filter((c) => c.status === s).length
  const returned = payouts.filter((p) => p.rail_status === 'failed').length
  return {
    claims: claims.length,
    approved: approved.size,
    rejected: status('rejected'),
    paid_once: [...approved].filter((id) => transfersByClaim.get(id) === 1).length,
    paid_twice: [...ours].filter((id) => (transfersByClaim.get(id) ?? 0) > 1 || (stripePayoutsByClaim.get(id) ?? 0) > 1).length,
    unpaid_approved: [...approved].filter((id) => !transfersByClaim.has(id)).length,
    unrecorded_transfers: stripe.transfers.filter((t) => t.transfer_group && ours.has(t.transfer_group) && !recordedTransfers.has(t.id)).length,
    payouts_returned: returned,
    returns_not_recovered: (() => {
      const posted = journalsOf((k) => k === 'payout-returned')
      return payouts.filter((p) => p.rail_status === 'failed' && (Number(p.transfer_reversed_cents) !== Number(p.amount_cents) || posted.get(String(p.claim_id)) !== 1)).length
    })(),
    rail_status_mismatches: payouts.filter((p) => {
      const atStripe = p.stripe_payout_id ? stripePayoutStatus.get(String(p.stripe_payout_id)) : undefined
      return (atStripe === 'paid' || atStripe === 'failed') && atStripe !== p.rail_status
    }).length,
    ledger_balanced: check.ok,
    ledger_problems: check.ok ? 0 : check.problems.length,
    payout_journals_twice: [...journalsOf((k) => k === 'payout').values()].filter((n) => n > 1).length,
    remittances_posted_twice: [...journalsOf((k) => REMITTANCE_KINDS.has(k)).values()].filter((n) => n > 1).length,
    submitted: everSubmitted.size,
    reconciled: status('reconciled'),
    awaiting_remittance: claims.filter((c) => everSubmitted.has(String(c.id)) && c.status !== 'reconciled').length,
    pool_cash_cents: poolCash,
    refused_by_payer: refusedByPayer.length,
    refused_reasons: refusedByPayer.reduce<Record<string, number>>((m, r) => ((m[String(r.reason)] = (m[String(r.reason)] ?? 0) + 1), m), {}),
    reconciliation_items: Object.fromEntries(listed.map((r) => [String(r.kind), Number(r.n)])),
    statuses: Object.fromEntries([...new Set(claims.map((c) => String(c.status)))].sort().map((s) => [s, status(s)])),
  }
}

export type InvariantBreach = { invariant: string; detail: string }

/** What must hold after any run, whatever the faults: a breach is a bug in the product, not the run. */
export function breaches(f: MoneyFigures, lowestPoolCashCents: number): InvariantBreach[] {
  const out: InvariantBreach[] = []
  const zero = (name: keyof MoneyFigures) => {
    if (f[name] !== 0) out.push({ invariant: `${name} = 0`, detail: `${name} is ${String(f[name])}` })
  }
  zero('paid_twice')
  zero('unpaid_approved')
  zero('unrecorded_transfers')
  zero('rail_status_mismatches')
  zero('returns_not_recovered')
  zero('payout_journals_twice')
  zero('remittances_posted_twice')
  zero('awaiting_remittance')
  if (!f.ledger_balanced) out.push({ invariant: 'ledger balanced', detail: `${f.ledger_problems} ledger problem(s)` })
  if (lowestPoolCashCents < 0) out.push({ invariant: 'no pool below zero', detail: `a pool reached ${lowestPoolCashCents} cents` })
  if (f.paid_once !== f.approved) out.push({ invariant: 'every approved claim paid once', detail: `${f.paid_once} of ${f.approved}` })
  return out
}
