import { describe, expect, it } from 'vitest'
import { Clock } from './clock'
import { IdempotencyStore, fingerprint } from './idempotency'

const scope = { apiKey: 'sk_test_a', account: null, key: 'k1' }
const saved = { status: 200, body: { id: 'tr_1' }, requestId: 'req_1' }

describe('IdempotencyStore', () => {
  it('replays for the same endpoint and parameters, and only until the key is 24 hours old', () => {
    const clock = new Clock(1_000)
    const store = new IdempotencyStore(clock)
    expect(store.lookup(scope, 'POST /v1/transfers', { amount: '1' })).toEqual({ kind: 'fresh' })
    store.save(scope, 'POST /v1/transfers', { amount: '1' }, saved)
    expect(store.lookup(scope, 'POST /v1/transfers', { amount: '1' })).toEqual({ kind: 'replay', saved })
    clock.advance(86_399)
    expect(store.lookup(scope, 'POST /v1/transfers', { amount: '1' }).kind).toBe('replay')
    clock.advance(1)
    expect(store.lookup(scope, 'POST /v1/transfers', { amount: '1' })).toEqual({ kind: 'fresh' })
    expect(store.size()).toBe(0)
  })

  it('conflicts on other parameters or another endpoint', () => {
    const store = new IdempotencyStore(new Clock(0))
    store.save(scope, 'POST /v1/transfers', { amount: '1' }, saved)
    expect(store.lookup(scope, 'POST /v1/transfers', { amount: '2' })).toMatchObject({ kind: 'conflict', error: { type: 'idempotency_error', status: 400 } })
    expect(store.lookup(scope, 'POST /v1/payouts', { amount: '1' })).toMatchObject({ kind: 'conflict', error: { type: 'idempotency_error' } })
  })

  it('scopes keys by API key and by account', () => {
    const store = new IdempotencyStore(new Clock(0))
    store.save(scope, 'POST /v1/payouts', {}, saved)
    expect(store.lookup({ ...scope, account: 'acct_1' }, 'POST /v1/payouts', {})).toEqual({ kind: 'fresh' })
    expect(store.lookup({ ...scope, apiKey: 'sk_test_b' }, 'POST /v1/payouts', {})).toEqual({ kind: 'fresh' })
  })

  it('fingerprints parameters independently of key order', () => {
    expect(fingerprint({ a: '1', m: { x: '1', y: '2' } })).toBe(fingerprint({ m: { y: '2', x: '1' }, a: '1' }))
    expect(fingerprint({ a: ['1', '2'] })).not.toBe(fingerprint({ a: ['2', '1'] }))
  })
})
