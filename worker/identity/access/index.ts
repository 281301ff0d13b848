export { accessCertsUrl, createKeyCache, parseCertsResponse, verifyAccessJwt } from './access-jwt'
export type {
  AccessClaims,
  AccessConfig,
  AccessFailure,
  AccessKeys,
  AccessVerification,
  JwksSource,
} from './access-jwt'
export { devAccessKeys, generateDevAccessKey, InvalidDevAccessKey, signDevAccessJwt } from './dev-access'
export type { DevAccessClaims } from './dev-access'
