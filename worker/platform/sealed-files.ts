import { decryptBlob, encryptBlob, type Keyring } from '../identity/crypto'

/**
 * R2 as ClaimPay uses it: every object is sealed (AES-256-GCM, versioned key) before it is written,
 * bound to its key so that objects cannot be swapped. Uploaded files and submission documents carry
 * PHI; the bucket never holds them in clear.
 */
export function sealedFiles(bucket: R2Bucket, keyring: Keyring) {
  const aad = (key: string) => `r2:${key}`
  return {
    async put(key: string, body: Uint8Array | string, contentType: string): Promise<void> {
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
      await bucket.put(key, await encryptBlob(keyring, bytes, aad(key)), { httpMetadata: { contentType: 'application/octet-stream' }, customMetadata: { contentType, sealed: 'cpb1' } })
    },
    async getText(key: string): Promise<string | null> {
      const object = await bucket.get(key)
      if (!object) return null
      const opened = await decryptBlob(keyring, new Uint8Array(await object.arrayBuffer()), aad(key))
      if (!opened.ok) throw new Error(`stored file ${key} could not be opened: ${opened.reason}`)
      return new TextDecoder().decode(opened.value)
    },
    delete: (key: string) => bucket.delete(key),
  }
}
export type SealedFiles = ReturnType<typeof sealedFiles>
