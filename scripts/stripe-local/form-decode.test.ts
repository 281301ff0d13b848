import { describe, expect, it } from 'vitest'
import { decodeForm } from './form-decode'

describe('decodeForm', () => {
  it('nests bracketed keys and turns indexed keys into arrays, as the SDK encodes them', () => {
    const body =
      'amount=100&metadata[claim_id]=c%201&external_account[object]=bank_account&expand[0]=a&expand[1]=b&capabilities[transfers][requested]=true'
    expect(decodeForm(body)).toEqual({
      ok: true,
      value: {
        amount: '100',
        metadata: { claim_id: 'c 1' },
        external_account: { object: 'bank_account' },
        expand: ['a', 'b'],
        capabilities: { transfers: { requested: 'true' } },
      },
    })
  })

  it('accepts percent-encoded brackets and appending [] keys', () => {
    expect(decodeForm('metadata%5Bk%5D=v&list[]=x&list[]=y')).toEqual({ ok: true, value: { metadata: { k: 'v' }, list: ['x', 'y'] } })
  })

  it('keeps an empty body empty', () => {
    expect(decodeForm('')).toEqual({ ok: true, value: {} })
  })

  it('refuses keys whose brackets do not pair and a key used both as a value and a hash', () => {
    expect(decodeForm('metadata[k=v')).toEqual({ ok: false, param: 'metadata[k' })
    expect(decodeForm('a=1&a[b]=2')).toEqual({ ok: false, param: 'a[b]' })
  })

  it('never writes through __proto__', () => {
    const r = decodeForm('__proto__[polluted]=yes&metadata[__proto__]=x')
    expect(r.ok).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
