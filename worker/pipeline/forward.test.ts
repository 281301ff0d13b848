import { describe, expect, it } from 'vitest'
import { CLAIM_STATUSES } from '../contracts'
import { nextMessages } from './forward'

const claim = (status: (typeof CLAIM_STATUSES)[number]) => ({ id: 'clm_1', providerId: 'prv_1', status })

describe('nextMessages', () => {
  it('sends each moving status to the stage that takes it', () => {
    expect(nextMessages(claim('received'))).toEqual([{ queue: 'claims-ingest', body: { step: 'parse', claimId: 'clm_1', providerId: 'prv_1' } }])
    expect(nextMessages(claim('coded')).map((m) => m.queue)).toEqual(['claims-score'])
    expect(nextMessages(claim('payout_pending')).map((m) => m.queue)).toEqual(['claims-pay'])
  })

  it('tells the provider about a payout and submits the claim', () => {
    expect(nextMessages(claim('paid')).map((m) => m.queue)).toEqual(['notifications', 'payer-submit'])
  })

  it('sends nothing for a claim waiting on the payer', () => {
    expect(nextMessages(claim('submitted'))).toEqual([])
    expect(nextMessages(claim('reconciled'))).toEqual([])
  })
})
