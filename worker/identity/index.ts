export { createApiKey, authenticateApiKey, listApiKeys, revokeApiKey } from './accounts/api-keys'
export type { ApiKeyPrincipal } from './accounts/api-keys'
export { logIn, logInWithTotp } from './accounts/login'
export { describeUser } from './accounts/me'
export { confirmTotp, enrollTotp } from './accounts/mfa'
export { changePassword, confirmPasswordReset, requestPasswordReset } from './accounts/passwords'
export { signUp, verifyEmail } from './accounts/signup'
export { acceptInvite, changeRole, invite, listTeam, removeMember, revokeInvite } from './accounts/team'
export { appendAudit, auditInsert, listAudit, sealAuditLog, verifyAuditLog } from './audit'
export type { AuditEntry } from './audit'
export { identityDeps, loadKeyring, SecretsMisconfigured } from './deps'
export type { IdentityDeps } from './deps'
export {
  authenticatePartnerRequest,
  createPartner,
  issuePartnerToken,
  listPartners,
  PARTNER_SCOPES,
  pruneNonces,
  revokePartnerToken,
  rotatePartnerToken,
} from './partners/partner-tokens'
export type { PartnerPrincipal, PartnerScope } from './partners/partner-tokens'
export { actorOf, can, needsMfaEnrollment } from './principal'
export type { ProviderPrincipal } from './principal'
export { PERMISSIONS, roleGrants } from './roles'
export type { Permission, Role } from './roles'
export { ACCESS_COOKIE, clearSessionCookies, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE, refreshedCookieHeaders, sessionCookies, setSessionCookies } from './session/cookies'
export { authenticateAccessToken, refreshSession, revokeSessionQuery, revokeUserSessionsQuery } from './session/sessions'
export type { UserPrincipal } from './session/sessions'
export { timingSafeEqual } from './secrets'
export { reencryptBatch, SEALED_COLUMNS } from './crypto-rotation'
