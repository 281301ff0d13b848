import { beforeAll, describe, expect, it } from 'vitest'
import { burnPasswordCheck, checkPasswordPolicy, hashPassword, PASSWORD_PARAMS, verifyPassword, type PolicyContext } from './password'

// Each full-cost hash takes ~250 ms in Node: the suite keeps to about a dozen.
const SLOW = 15_000
const PASSWORD = 'correct horse battery staple'

// Written by the reference C implementation (libargon2 argon2id_hash_encoded), salt "claimpay-salt-16":
// proves the PHC layout and base64 interoperate, not just that we agree with ourselves.
const REFERENCE_CURRENT = '$argon2id$v=19$m=19456,t=2,p=1$Y2xhaW1wYXktc2FsdC0xNg$80cd+PRGW8QPU2AGbPkViAHQN0SJ9NyGpft40EniYcc'
const REFERENCE_WEAK = '$argon2id$v=19$m=256,t=2,p=1$Y2xhaW1wYXktc2FsdC0xNg$+BxpVmZsY3Jcowuf4f7cgKOO99uOTo1iIEmGZI7+4GU'

describe('hashPassword / verifyPassword', () => {
  let phc: string
  beforeAll(async () => {
    phc = await hashPassword(PASSWORD)
  }, SLOW)

  it('writes a PHC string at the current parameters with a 16-byte salt and 32-byte hash', () => {
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
  })

  it('salts every hash afresh', async () => {
    const again = await hashPassword(PASSWORD)
    expect(again).not.toBe(phc)
    expect(again.split('$')[4]).not.toBe(phc.split('$')[4])
  }, SLOW)

  it('accepts the right password without asking for a rehash', async () => {
    expect(await verifyPassword(PASSWORD, phc)).toEqual({ ok: true, needsRehash: false })
  }, SLOW)

  it('refuses a wrong password', async () => {
    expect(await verifyPassword('correct horse battery stapler', phc)).toEqual({ ok: false, needsRehash: false })
  }, SLOW)

  it('verifies a hash written by the reference implementation', async () => {
    expect(await verifyPassword(PASSWORD, REFERENCE_CURRENT)).toEqual({ ok: true, needsRehash: false })
  }, SLOW)

  it('asks for a rehash when the stored parameters are weaker, but only on a match', async () => {
    expect(await verifyPassword(PASSWORD, REFERENCE_WEAK)).toEqual({ ok: true, needsRehash: true })
    expect(await verifyPassword('not the password', REFERENCE_WEAK)).toEqual({ ok: false, needsRehash: false })
  })

  it('treats composed and decomposed accents as the same password (NFKC)', async () => {
    const composed = 'caf\u00e9 au lait, s\u2019il vous pla\u00eet'
    const decomposed = 'cafe\u0301 au lait, s\u2019il vous plai\u0302t'
    expect(composed).not.toBe(decomposed)
    const stored = await hashPassword(composed)
    expect(await verifyPassword(decomposed, stored)).toEqual({ ok: true, needsRehash: false })
  }, SLOW)
})

describe('verifyPassword on a malformed hash', () => {
  const valid = REFERENCE_WEAK
  const [, , , , salt, hash] = valid.split('$') as [string, string, string, string, string, string]
  // Flips an unused low bit of the last character: a lenient decoder would read the same bytes and accept.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const nonCanonical = hash.slice(0, -1) + alphabet[alphabet.indexOf(hash.at(-1)!) ^ 1]
  const malformed: [string, string][] = [
    ['empty', ''],
    ['another algorithm', valid.replace('$argon2id$', '$argon2i$')],
    ['no version', valid.replace('$v=19', '')],
    ['version 1.0', valid.replace('v=19', 'v=16')],
    ['a leading zero', valid.replace('m=256', 'm=0256')],
    ['parameters in another order', valid.replace('m=256,t=2', 't=2,m=256')],
    ['memory beyond what an isolate holds', valid.replace('m=256', 'm=4194304')],
    ['zero lanes', valid.replace('p=1', 'p=0')],
    ['padded base64', `${valid}=`],
    ['non-canonical base64 (unused bits set)', valid.replace(hash, nonCanonical)],
    ['a salt under 8 bytes', valid.replace(`$${salt}$`, '$c2FsdA$')],
    ['a trailing field', `${valid}$x`],
  ]

  it.each(malformed)('refuses %s without throwing', async (_label, phc) => {
    expect(await verifyPassword(PASSWORD, phc)).toEqual({ ok: false, needsRehash: false })
  }, SLOW)
})

describe('burnPasswordCheck', () => {
  it('resolves to nothing after one derivation', async () => {
    await expect(burnPasswordCheck(PASSWORD)).resolves.toBeUndefined()
  }, SLOW)
})

describe('PASSWORD_PARAMS', () => {
  it('holds OWASP minimum for Argon2id', () => {
    expect(PASSWORD_PARAMS).toEqual({ m: 19456, t: 2, p: 1, dkLen: 32 })
  })
})

describe('checkPasswordPolicy', () => {
  const context = { email: 'Jane.Doe@smithclinic.example', practiceName: 'Smith Family Clinic' }
  const refused = (password: string, ctx: PolicyContext = context) => {
    const result = checkPasswordPolicy(password, ctx)
    return result.ok ? null : result.reason
  }

  it('accepts a long passphrase with no composition rules', () => {
    expect(checkPasswordPolicy('purple elephants dance quietly', context)).toEqual({ ok: true })
    expect(checkPasswordPolicy('alllowercaseletters', context)).toEqual({ ok: true })
  })

  it('counts code points, after NFKC', () => {
    // Eleven emoji are 22 UTF-16 units but 11 characters.
    expect(refused('\u{1F600}'.repeat(11))).toBe('Use at least 12 characters.')
    expect(checkPasswordPolicy('\u{1F600}\u{1F601}'.repeat(6), context)).toEqual({ ok: true })
    // Decomposed, this is 12 code units; composed by NFKC it is 11 characters.
    expect(refused('cafe\u0301cafe\u0301ab')).toBe('Use at least 12 characters.')
  })

  it('refuses fewer than 12 and more than 128 characters', () => {
    expect(refused('elevenchars')).toBe('Use at least 12 characters.')
    expect(checkPasswordPolicy('twelve chars', context)).toEqual({ ok: true })
    expect(checkPasswordPolicy('ab'.repeat(64), context)).toEqual({ ok: true })
    expect(refused('ab'.repeat(64) + 'c')).toBe('Use at most 128 characters.')
  })

  it('refuses very common passwords whatever the case', () => {
    expect(refused('password1234')).toMatch(/too common/)
    expect(refused('QwertyUIOP12')).toMatch(/too common/)
    expect(refused('ClaimPay1234')).toMatch(/too common/)
  })

  it('refuses one character repeated', () => {
    expect(refused('zzzzzzzzzzzzzzzz')).toBe('Do not repeat a single character.')
  })

  it('refuses the email local part, case-insensitively', () => {
    expect(refused('JANE.DOE-is-my-login')).toBe('Do not use your email address in your password.')
    expect(refused('jane.doe@smithclinic.example')).toBe('Do not use your email address in your password.')
  })

  it('ignores a local part under four characters', () => {
    expect(checkPasswordPolicy('bobs burgers are great', { email: 'bob@example.com' })).toEqual({ ok: true })
    expect(refused('roberts burgers!', { email: 'robert@example.com' })).toBe('Do not use your email address in your password.')
  })

  it('refuses the practice name, with or without spaces', () => {
    expect(refused('smith family clinic')).toBe('Do not use your practice name in your password.')
    expect(refused('SmithFamilyClinic2026')).toBe('Do not use your practice name in your password.')
    expect(checkPasswordPolicy('smith family doctor', context)).toEqual({ ok: true })
  })

  it('works with no context', () => {
    expect(checkPasswordPolicy('purple elephants dance', {})).toEqual({ ok: true })
  })
})
