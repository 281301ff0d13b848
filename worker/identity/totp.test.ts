import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode } from './base32'
import { InvalidTotpSecret, newTotpSecret, totpCode, totpUri, verifyTotp } from './totp'

// RFC 6238 Appendix B: the SHA1 rows, whose 8-digit values end in the 6-digit codes.
const RFC_SECRET = base32Encode(new TextEncoder().encode('12345678901234567890'))
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
]

const at = (seconds: number) => seconds * 1000

describe('totpCode', () => {
  it.each(RFC_VECTORS)('at %i s gives the last six digits of %s', async (seconds, eight) => {
    expect(await totpCode(RFC_SECRET, at(seconds))).toBe(eight.slice(2))
  })

  it('is the same throughout a 30 s step and changes at its end', async () => {
    expect(await totpCode(RFC_SECRET, at(30))).toBe(await totpCode(RFC_SECRET, at(59) + 999))
    expect(await totpCode(RFC_SECRET, at(60))).not.toBe(await totpCode(RFC_SECRET, at(59)))
  })

  it('throws on a secret that is not base32, a bug rather than an outcome', async () => {
    await expect(totpCode('not base32!', 0)).rejects.toBeInstanceOf(InvalidTotpSecret)
    await expect(totpCode('', 0)).rejects.toBeInstanceOf(InvalidTotpSecret)
  })
})

describe('newTotpSecret', () => {
  it('is 20 random bytes in unpadded base32', () => {
    const secret = newTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(base32Decode(secret)).toHaveLength(20)
    expect(newTotpSecret()).not.toBe(secret)
  })
})

describe('verifyTotp', () => {
  const now = at(1111111111)
  const step = Math.floor(1111111111 / 30)

  it('accepts the current code and returns its step', async () => {
    expect(await verifyTotp(RFC_SECRET, '050471', now, null)).toEqual({ ok: true, step })
  })

  it('accepts the codes of one step either side and nothing further', async () => {
    const previous = await totpCode(RFC_SECRET, now - at(30))
    const next = await totpCode(RFC_SECRET, now + at(30))
    const twoBack = await totpCode(RFC_SECRET, now - at(60))
    const twoAhead = await totpCode(RFC_SECRET, now + at(60))
    expect(await verifyTotp(RFC_SECRET, previous, now, null)).toEqual({ ok: true, step: step - 1 })
    expect(await verifyTotp(RFC_SECRET, next, now, null)).toEqual({ ok: true, step: step + 1 })
    expect(await verifyTotp(RFC_SECRET, twoBack, now, null)).toEqual({ ok: false, reason: 'wrong-code' })
    expect(await verifyTotp(RFC_SECRET, twoAhead, now, null)).toEqual({ ok: false, reason: 'wrong-code' })
  })

  it('refuses a code whose step was already used, and a code older than the last used', async () => {
    const current = await totpCode(RFC_SECRET, now)
    const previous = await totpCode(RFC_SECRET, now - at(30))
    expect(await verifyTotp(RFC_SECRET, current, now, step)).toEqual({ ok: false, reason: 'reused' })
    expect(await verifyTotp(RFC_SECRET, previous, now, step)).toEqual({ ok: false, reason: 'reused' })
    expect(await verifyTotp(RFC_SECRET, current, now, step - 1)).toEqual({ ok: true, step })
  })

  it('refuses a wrong code', async () => {
    expect(await verifyTotp(RFC_SECRET, '000000', now, null)).toEqual({ ok: false, reason: 'wrong-code' })
    expect(await verifyTotp(newTotpSecret(), '050471', now, null)).toEqual({ ok: false, reason: 'wrong-code' })
  })

  it('tolerates spaces inside a typed code', async () => {
    expect(await verifyTotp(RFC_SECRET, ' 050 471 ', now, null)).toEqual({ ok: true, step })
  })

  it.each(['', '12345', '1234567', '05047a', '+50471', '٠٥٠٤٧١', '94287082'])('calls %j malformed', async (code) => {
    expect(await verifyTotp(RFC_SECRET, code, now, null)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('works in the first step after the epoch, where there is no previous step', async () => {
    const code = await totpCode(RFC_SECRET, at(10))
    expect(await verifyTotp(RFC_SECRET, code, at(10), null)).toEqual({ ok: true, step: 0 })
  })
})

describe('totpUri', () => {
  it('builds a Key URI with each part percent-encoded', () => {
    const uri = totpUri({ secret: 'gezd gnbv gy3t qojq', account: 'ana+ops@clinic.example', issuer: 'ClaimPay Staging' })
    expect(uri).toBe(
      'otpauth://totp/ClaimPay%20Staging:ana%2Bops%40clinic.example' +
        '?secret=GEZDGNBVGY3TQOJQ&issuer=ClaimPay%20Staging&algorithm=SHA1&digits=6&period=30',
    )
  })

  it('keeps a colon or ampersand in a name from splitting the label or the query', () => {
    const url = new URL(totpUri({ secret: newTotpSecret(), account: 'a:b', issuer: 'X&Y' }))
    expect(url.host).toBe('totp')
    expect(url.pathname).toBe('/X%26Y:a%3Ab')
    expect(url.searchParams.get('issuer')).toBe('X&Y')
    expect([...url.searchParams.keys()]).toEqual(['secret', 'issuer', 'algorithm', 'digits', 'period'])
  })

  it('throws on a secret that is not base32', () => {
    expect(() => totpUri({ secret: '0189', account: 'a', issuer: 'b' })).toThrow(InvalidTotpSecret)
  })
})
