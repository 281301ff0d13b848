import { openDb, type Db } from '../db'
import { keyringCache, type Keyring } from './crypto'
import { importSessionKey } from './session/access-token'

/** What identity code needs from the Worker: built per request from env, keys imported once per isolate. */
export type IdentityDeps = { db: Db; keyring: Keyring; sessionKey: CryptoKey; now: () => Date }

/** A secret is missing or malformed: the deployment is misconfigured (the message names no key material). */
export class SecretsMisconfigured extends Error {
  override name = 'SecretsMisconfigured'
}

const keyrings = keyringCache()
let sessionKey: { secret: string; key: Promise<CryptoKey> } | null = null

export async function loadKeyring(env: Env): Promise<Keyring> {
  const result = await keyrings(env)
  if (!result.ok) throw new SecretsMisconfigured(result.reason)
  return result.keyring
}

function loadSessionKey(env: Env): Promise<CryptoKey> {
  if (!env.SESSION_SIGNING_KEY) throw new SecretsMisconfigured('SESSION_SIGNING_KEY is not set')
  if (sessionKey?.secret !== env.SESSION_SIGNING_KEY) {
    sessionKey = { secret: env.SESSION_SIGNING_KEY, key: importSessionKey(env.SESSION_SIGNING_KEY) }
  }
  return sessionKey.key
}

export async function identityDeps(env: Env, now: () => Date = () => new Date()): Promise<IdentityDeps> {
  const [keyring, key] = await Promise.all([loadKeyring(env), loadSessionKey(env)])
  return { db: openDb(env.DB), keyring, sessionKey: key, now }
}
