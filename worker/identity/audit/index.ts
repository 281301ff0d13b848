export {
  canonicalAuditRow,
  chainHash,
  GENESIS_HASH,
  GENESIS_HEAD,
  sealRows,
  verifyChain,
} from './audit-chain'
export type { AuditRecord, ChainBreak, ChainHead, ChainVerification, SealedAuditRecord } from './audit-chain'
export { appendAudit, auditInsert, listAudit, sealAuditLog, verifyAuditLog } from './audit-log'
export type { AuditEntry, AuditQuery } from './audit-log'
