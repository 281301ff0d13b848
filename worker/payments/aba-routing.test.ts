import { describe, expect, it } from 'vitest'
import { checkRoutingNumber } from './aba-routing'

describe('checkRoutingNumber', () => {
  it.each(['110000000', '021000021', '011000015', '121000358', '026009593'])('accepts the valid routing number %s', (n) => {
    expect(checkRoutingNumber(n)).toEqual({ ok: true, routingNumber: n })
  })

  it('rejects a single mistyped digit by its checksum', () => {
    expect(checkRoutingNumber('021000022')).toMatchObject({ ok: false, reason: 'checksum-mismatch' })
    expect(checkRoutingNumber('110000001')).toMatchObject({ ok: false, reason: 'checksum-mismatch' })
  })

  it('rejects two swapped adjacent digits with different weights', () => {
    // 021000021 -> 201000021
    expect(checkRoutingNumber('201000021')).toMatchObject({ ok: false, reason: 'checksum-mismatch' })
  })

  it.each(['', '12345678', '1234567890', '11000000a', ' 110000000', '110-000-00', '１１0000000'])(
    'rejects %j as not nine ASCII digits',
    (n) => {
      expect(checkRoutingNumber(n)).toMatchObject({ ok: false, reason: 'not-nine-digits' })
    },
  )

  it('rejects all zeros although its weighted sum is a multiple of ten', () => {
    const r = checkRoutingNumber('000000000')
    expect(r).toMatchObject({ ok: false, reason: 'all-zeros' })
    if (!r.ok) expect(r.message).toMatch(/all zeros/)
  })

  it('gives a message a provider can act on for every reason', () => {
    for (const n of ['1', '000000000', '123456789']) {
      const r = checkRoutingNumber(n)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.message).toMatch(/^Routing number /)
    }
  })
})
