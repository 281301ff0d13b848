import { beforeAll, describe, expect, it } from 'vitest'
import { blindIndex, normaliseIndexValue } from './blind-index'
import type { Keyring } from './keyring'
import { generateKeyMaterial, parseKeyring } from './keyring'

const k1 = generateKeyMaterial()

async function keyring(blind: string): Promise<Keyring> {
  const result = await parseKeyring({ PHI_KEYS: `v1:${k1}`, PHI_ACTIVE_KEY: 'v1', BLIND_INDEX_KEY: blind })
  if (!result.ok) throw new Error(result.reason)
  return result.keyring
}

let ring: Keyring
beforeAll(async () => {
  ring = await keyring(generateKeyMaterial())
})

describe('blindIndex', () => {
  it('is 32 lowercase hex characters and stable', async () => {
    const a = await blindIndex(ring, 'member-id', 'AB123')
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(await blindIndex(ring, 'member-id', 'AB123')).toBe(a)
  })

  it('matches however the member id was typed', async () => {
    const a = await blindIndex(ring, 'member-id', 'AB123')
    for (const spelling of ['ab-12 3', '  ab123 ', 'A-B-1-2-3', 'AB\u2013123', 'ＡＢ１２３']) {
      expect(await blindIndex(ring, 'member-id', spelling)).toBe(a)
    }
    expect(await blindIndex(ring, 'member-id', 'AB124')).not.toBe(a)
  })

  it('differs between kinds for the same value', async () => {
    expect(await blindIndex(ring, 'member-id', 'AB123')).not.toBe(await blindIndex(ring, 'tin', 'AB123'))
  })

  it('cannot be shifted across the kind boundary', async () => {
    expect(await blindIndex(ring, 'member', 'IDAB')).not.toBe(await blindIndex(ring, 'memberid', 'AB'))
    await expect(blindIndex(ring, 'member\u0000id', 'AB')).rejects.toThrow(TypeError)
    await expect(blindIndex(ring, '', 'AB')).rejects.toThrow(TypeError)
  })

  it('depends on the key', async () => {
    const other = await keyring(generateKeyMaterial())
    expect(await blindIndex(other, 'member-id', 'AB123')).not.toBe(await blindIndex(ring, 'member-id', 'AB123'))
  })
})

describe('normaliseIndexValue', () => {
  it('folds case, spaces, dashes and composed accents', () => {
    expect(normaliseIndexValue(' ab-12 3 ')).toBe('AB123')
    expect(normaliseIndexValue('Jose\u0301')).toBe(normaliseIndexValue('José'))
  })
})
