import type { DecryptResult } from './field-cipher'
import type { Keyring } from './keyring'
import { activeKey } from './keyring'

/**
 * Whole files, encrypted before they go to object storage:
 *   `CPB1` | key version (u16, big-endian) | 12-byte IV | AES-256-GCM ciphertext + 16-byte tag
 * The header is authenticated along with the caller's AAD (e.g. `uploads:upl_123`), so neither the
 * version nor the IV can be altered and a file copied under another object key fails to decrypt.
 * One GCM call per file: uploads are capped at about 10 MiB, well inside what a Worker holds in memory.
 */

const MAGIC = new Uint8Array([0x43, 0x50, 0x42, 0x31]) // 'CPB1'
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = MAGIC.length + 2 + IV_BYTES

const utf8 = new TextEncoder()

export async function encryptBlob(keyring: Keyring, bytes: Uint8Array, aad: string): Promise<Uint8Array> {
  const { version, key } = activeKey(keyring)
  const header = new Uint8Array(HEADER_BYTES)
  header.set(MAGIC, 0)
  new DataView(header.buffer).setUint16(MAGIC.length, version)
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  header.set(iv, MAGIC.length + 2)
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: blobAad(header, aad) }, key, bytes)
  const out = new Uint8Array(HEADER_BYTES + sealed.byteLength)
  out.set(header, 0)
  out.set(new Uint8Array(sealed), HEADER_BYTES)
  return out
}

export async function decryptBlob(keyring: Keyring, sealed: Uint8Array, aad: string): Promise<DecryptResult<Uint8Array>> {
  if (!isSealedBlob(sealed)) return { ok: false, reason: 'malformed' }
  const header = sealed.subarray(0, HEADER_BYTES)
  const version = new DataView(header.buffer, header.byteOffset, header.byteLength).getUint16(MAGIC.length)
  const key = keyring.keys.get(version)
  if (!key) return { ok: false, reason: 'unknown-key-version' }
  const iv = header.subarray(MAGIC.length + 2)
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: blobAad(header, aad) }, key, sealed.subarray(HEADER_BYTES))
    return { ok: true, value: new Uint8Array(plain) }
  } catch {
    return { ok: false, reason: 'tampered' }
  }
}

/** Whether bytes look like an encrypted blob (header and room for a tag); says nothing of authenticity. */
export function isSealedBlob(bytes: Uint8Array): boolean {
  if (bytes.length < HEADER_BYTES + TAG_BYTES) return false
  return MAGIC.every((b, i) => bytes[i] === b)
}

/** The key version in a blob's header, or null when it is not an encrypted blob. */
export function blobKeyVersion(bytes: Uint8Array): number | null {
  if (!isSealedBlob(bytes)) return null
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(MAGIC.length)
}

function blobAad(header: Uint8Array, aad: string): Uint8Array {
  const text = utf8.encode(aad)
  const out = new Uint8Array(header.length + text.length)
  out.set(header, 0)
  out.set(text, header.length)
  return out
}
