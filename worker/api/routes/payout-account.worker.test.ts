import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { testProvider } from '../../test/api-client'
import { stripeApi, stripeObjects } from '../../test/stripe-env'

const GOOD = { legalName: 'Harbor Pediatrics LLC', routingNumber: '110000000', accountNumber: '000123456789', accountHolderType: 'company' }

const post = (provider: string, body: unknown, role?: 'owner' | 'admin' | 'biller') =>
  stripeApi('/payout-account', provider, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, role)

async function rows(sql: string, ...params: unknown[]) {
  return (await env.DB.prepare(sql).bind(...params).all()).results
}

async function accountsAtStripe(provider: string) {
  return (await stripeObjects()).accounts.filter((a) => a.metadata?.provider_id === provider)
}

describe('POST /api/v1/payout-account', () => {
  it('connects the bank account once, keeping only the last four digits', async () => {
    const provider = testProvider()
    const res = await post(provider, GOOD)
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ connected: true, bankLast4: '6789', payoutsEnabled: true })

    const stored = await rows('SELECT * FROM stripe_accounts WHERE provider_id = ?', provider)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ bank_last4: '6789', routing_last4: '0000', payouts_enabled: 1 })
    expect(JSON.stringify(stored)).not.toContain('000123456789')
    const [account] = await accountsAtStripe(provider)
    expect(account?.id).toBe(stored[0]!.account_id)
    const audit = await rows("SELECT action, detail FROM audit_log WHERE provider_id = ? AND subject_type = 'payout-account'", provider)
    expect(audit.map((a) => a.action)).toEqual(['payout-account.created'])
    expect(String(audit[0]!.detail)).not.toContain('000123456789')

    const status = await stripeApi('/payout-account', provider)
    expect(await status.json()).toEqual({ connected: true, bankLast4: '6789', payoutsEnabled: true })

    const again = await post(provider, { ...GOOD, accountNumber: '000999999999' })
    expect(again.status).toBe(409)
    expect(again.headers.get('content-type')).toContain('application/problem+json')
    expect(await accountsAtStripe(provider)).toHaveLength(1)
    expect(await rows('SELECT account_id FROM stripe_accounts WHERE provider_id = ?', provider)).toEqual([{ account_id: account!.id }])
  })

  it('refuses a bad routing number with 422 before anything is sent or stored', async () => {
    const provider = testProvider()
    const res = await post(provider, { ...GOOD, routingNumber: '110000001' })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const problem = (await res.json()) as { type: string; detail: string }
    expect(problem.type).toContain('routing-number-invalid')
    expect(problem.detail).toMatch(/check digit/)
    expect(await accountsAtStripe(provider)).toEqual([])
    expect(await rows('SELECT * FROM stripe_accounts WHERE provider_id = ?', provider)).toEqual([])
    expect(await rows("SELECT * FROM audit_log WHERE provider_id = ? AND subject_type = 'payout-account'", provider)).toEqual([])
    const status = await stripeApi('/payout-account', provider)
    expect(await status.json()).toEqual({ connected: false, bankLast4: null, payoutsEnabled: false })
  })

  it('is for owners and admins: a biller is refused and nothing is sent', async () => {
    const provider = testProvider()
    const res = await post(provider, GOOD, 'biller')
    expect(res.status).toBe(403)
    expect(await accountsAtStripe(provider)).toEqual([])
  })

  it('says payouts are not configured when the server has no Stripe key', async () => {
    const provider = testProvider()
    const res = await stripeApi('/payout-account', provider, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(GOOD) }, 'admin', env)
    expect(res.status).toBe(503)
    expect(await accountsAtStripe(provider)).toEqual([])
    expect(await rows('SELECT * FROM stripe_accounts WHERE provider_id = ?', provider)).toEqual([])
  })
})
