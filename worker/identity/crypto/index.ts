export { blindIndex, normaliseIndexValue } from './blind-index'
export { blobKeyVersion, decryptBlob, encryptBlob, isSealedBlob } from './blob-cipher'
export {
  decryptField,
  decryptOptional,
  encryptField,
  encryptOptional,
  needsReencryption,
  reencryptField,
  sealedKeyVersion,
} from './field-cipher'
export type { DecryptFailure, DecryptResult } from './field-cipher'
export { ActiveKeyMissing, generateKeyMaterial, keyringCache, parseKeyring } from './keyring'
export type { Keyring, KeyringResult, KeyringSecrets } from './keyring'
