import Stripe from 'stripe'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startStripeLocal } from './server'
import { createProviderAccount, sdkFor, stripeFailure } from './test-support'

const server = await startStripeLocal({ seed: 'accounts' })
const stripe = sdkFor(server)
afterAll(() => server.close())
beforeEach(() => server.control.reset())

describe('POST /v1/accounts through the real SDK', () => {
  it('creates a custom account with its bank account, showing only the last four digits', async () => {
    const account = await createProviderAccount(stripe, '000123456789')
    expect(account).toMatchObject({
      object: 'account',
      type: 'custom',
      country: 'US',
      capabilities: { transfers: 'active' },
      payouts_enabled: true,
      details_submitted: true,
      metadata: { provider_id: 'prov_1' },
      tos_acceptance: { date: 1_700_000_000, ip: '203.0.113.7' },
    })
    expect(account.id).toMatch(/^acct_/)
    const bank = account.external_accounts?.data[0]
    expect(bank).toMatchObject({ object: 'bank_account', last4: '6789', routing_number: '110000000', bank_name: 'STRIPE TEST BANK', currency: 'usd' })
    expect(JSON.stringify(account)).not.toContain('000123456789')
    expect(await stripe.accounts.retrieve(account.id)).toEqual(expect.objectContaining({ id: account.id, external_accounts: account.external_accounts }))
    expect(JSON.stringify(server.control.objects())).not.toContain('000123456789')
  })

  it('rejects a routing number that fails the ABA checksum with the parameter named, and creates nothing', async () => {
    const err = await stripeFailure(createProviderAccount(stripe, '000123456789', '110000001'))
    expect(err).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      rawType: 'invalid_request_error',
      code: 'routing_number_invalid',
      param: 'external_account[routing_number]',
    })
    expect(err.message).toMatch(/check digit/)
    expect(server.control.objects().accounts).toEqual([])
  })

  it.each([
    ['12345678', /9 digits/],
    ['000000000', /all zeros/],
  ])('rejects routing number %s with a clear reason', async (routing, message) => {
    const err = await stripeFailure(createProviderAccount(stripe, '000123456789', routing))
    expect(err).toMatchObject({ param: 'external_account[routing_number]' })
    expect(err.message).toMatch(message)
  })

  it('rejects a malformed account number', async () => {
    const err = await stripeFailure(createProviderAccount(stripe, '12ab'))
    expect(err).toMatchObject({ code: 'account_number_invalid', param: 'external_account[account_number]' })
  })

  it('reports unknown and missing parameters the way Stripe does', async () => {
    const unknown = await stripeFailure(stripe.accounts.create({ type: 'custom', colour: 'blue' } as Stripe.AccountCreateParams))
    expect(unknown).toMatchObject({ code: 'parameter_unknown', param: 'colour', message: 'Received unknown parameter: colour' })
    const missing = await stripeFailure(
      stripe.accounts.create({ type: 'custom', external_account: { object: 'bank_account', country: 'US', currency: 'usd', routing_number: '110000000' } as never }),
    )
    expect(missing).toMatchObject({ code: 'parameter_missing', param: 'external_account[account_number]' })
  })

  it('answers an unknown account with resource_missing (404)', async () => {
    expect(await stripeFailure(stripe.accounts.retrieve('acct_nope'))).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' })
  })
})

describe('request handling shared by every endpoint', () => {
  it('requires a secret key', async () => {
    const res = await fetch(`${server.url}/v1/balance`)
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error' } })
    const wrong = new Stripe('pk_test_publishable', { httpClient: Stripe.createFetchHttpClient(), host: server.host, port: server.port, protocol: 'http' })
    expect(await stripeFailure(wrong.balance.retrieve())).toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 })
  })

  it('refuses a Stripe-Account that does not exist', async () => {
    expect(await stripeFailure(stripe.balance.retrieve({}, { stripeAccount: 'acct_missing' }))).toMatchObject({
      type: 'StripePermissionError',
      statusCode: 403,
      code: 'account_invalid',
    })
  })

  it('answers unknown routes with a Stripe-shaped 404', async () => {
    const res = await fetch(`${server.url}/v1/charges`, { headers: { Authorization: 'Bearer sk_test_x' } })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: { type: 'invalid_request_error', message: 'Unrecognized request URL (GET: /v1/charges).' } })
  })

  it('accepts Basic auth with the key as user name, as curl -u sends it', async () => {
    const res = await fetch(`${server.url}/v1/balance`, { headers: { Authorization: `Basic ${Buffer.from('sk_test_x:').toString('base64')}` } })
    expect(res.status).toBe(200)
  })
})

describe('deterministic ids', () => {
  it('gives the same ids for the same seed and the same calls', async () => {
    const a = await startStripeLocal({ seed: 42 })
    const b = await startStripeLocal({ seed: 42 })
    try {
      const ida = (await createProviderAccount(sdkFor(a))).id
      const idb = (await createProviderAccount(sdkFor(b))).id
      expect(ida).toBe(idb)
      a.control.reset()
      expect((await createProviderAccount(sdkFor(a))).id).toBe(ida)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})
