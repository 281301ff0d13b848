export {
  canonicalQuery,
  canonicalRequest,
  deriveSigningKey,
  sha256Hex,
  signCanonical,
  SIGNATURE_HEADERS,
  SIGNATURE_VERSION,
} from './signing'
export type { CanonicalRequestParts } from './signing'
export { DEFAULT_WINDOW_SEC, parseSignedHeaders, verifySignedRequest } from './verify-request'
export type {
  ParseSignedHeadersResult,
  SignedHeaders,
  VerifySignedRequestInput,
  VerifySignedRequestResult,
} from './verify-request'
