import { positiveCents } from './cents'
import type { JournalResult } from './journal'
import { credit, debit, finishJournal } from './validate-journal'

export type PoolFundingInput = { partnerId: string; poolId: string; amountCents: number }

/** A bank partner puts cash into a pool: Dr funding_pool_cash (pool) / Cr partner_capital (partner, pool). */
export function journalForPoolFunding({ partnerId, poolId, amountCents }: PoolFundingInput): JournalResult {
  const amount = positiveCents('amountCents', amountCents)
  if (!amount.ok) return amount
  return finishJournal({
    kind: 'pool-funding',
    memo: `partner ${partnerId} funds pool ${poolId}`,
    lines: [debit('funding_pool_cash', amountCents, { poolId }), credit('partner_capital', amountCents, { partnerId, poolId })],
  })
}
