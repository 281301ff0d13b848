import { describe, expect, it } from 'vitest'
import { ACCESS_TOKEN_TTL_SEC, importSessionKey, signAccessToken, verifyAccessToken } from './access-token'

const secret = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)))
const claims = { sid: 'ses_1', sub: 'usr_1', prv: 'prv_1' }

describe('session access token', () => {
  it('verifies until it expires', async () => {
    const key = await importSessionKey(secret)
    const token = await signAccessToken(key, claims, 1000)
    expect(await verifyAccessToken(key, token, 1000 + ACCESS_TOKEN_TTL_SEC - 1)).toMatchObject({ ok: true, claims })
    expect(await verifyAccessToken(key, token, 1000 + ACCESS_TOKEN_TTL_SEC)).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses another key, a changed payload and another algorithm', async () => {
    const key = await importSessionKey(secret)
    const other = await importSessionKey(btoa(String.fromCharCode(...new Uint8Array(32).fill(8))))
    const token = await signAccessToken(key, claims, 1000)
    expect(await verifyAccessToken(other, token, 1001)).toEqual({ ok: false, reason: 'bad-signature' })
    const [h, p, s] = token.split('.')
    const forged = btoa(JSON.stringify({ ...claims, prv: 'prv_2', iat: 1000, exp: 99999 })).replace(/=+$/, '')
    expect(await verifyAccessToken(key, `${h}.${forged}.${s}`, 1001)).toMatchObject({ ok: false })
    const none = btoa(JSON.stringify({ alg: 'none', typ: 'JWT' })).replace(/=+$/, '')
    expect(await verifyAccessToken(key, `${none}.${p}.`, 1001)).toEqual({ ok: false, reason: 'malformed' })
    expect(await verifyAccessToken(key, 'garbage', 1001)).toEqual({ ok: false, reason: 'malformed' })
  })

  it('refuses a key shorter than 256 bits', async () => {
    await expect(importSessionKey(btoa('short'))).rejects.toThrow(/at least 32 bytes/)
  })
})
