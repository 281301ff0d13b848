import type { Claim, ClaimEvent, ClaimInput, ClaimLine, ClaimStatus, StatusChange } from '../contracts'
import type { SealedClaimPhi } from './claim-phi'

/** The claim as stored in D1 (one row of `claims`), before lines and diagnoses are attached. */
export type ClaimRow = {
  id: string
  providerId: string
  uploadId: string | null
  claimNumber: string
  payerId: string
  payerName: string
  serviceDate: string
  placeOfService: string
  billedCents: number
  status: ClaimStatus
  version: number
  score: number | null
  scoreReasons: { code: string; message: string }[] | null
  cutBps: number | null
  payoutCents: number | null
  rejectReasons: { code: string; message: string }[] | null
  recodeCount: number
  riskModelVersion?: number | null
  createdAt: string
  updatedAt: string
} & Partial<SealedClaimPhi>

export type StoredClaim = ClaimRow & {
  diagnoses: string[]
  lines: ClaimLine[]
}

export function billedTotal(input: Pick<ClaimInput, 'lines'>): number {
  return input.lines.reduce((sum, line) => sum + line.chargeCents, 0)
}

/** What the claims table's free-text search matches: never patient data. */
export function searchTextOf(id: string, input: ClaimInput): string {
  const codes = [...input.diagnoses, ...input.lines.map((l) => l.procedureCode)]
  return [id, input.claimNumber, input.payer.id, input.payer.name, ...codes].join(' ').toLowerCase()
}

export function toClaimInput(claim: StoredClaim): ClaimInput {
  return {
    claimNumber: claim.claimNumber,
    payer: { id: claim.payerId, name: claim.payerName },
    serviceDate: claim.serviceDate,
    placeOfService: claim.placeOfService,
    diagnoses: claim.diagnoses,
    lines: claim.lines.map(({ lineNumber: _n, ...line }) => line),
  }
}

export function toClaimContract(claim: StoredClaim): Claim {
  return {
    id: claim.id,
    claimNumber: claim.claimNumber,
    status: claim.status,
    version: claim.version,
    payer: { id: claim.payerId, name: claim.payerName },
    serviceDate: claim.serviceDate,
    placeOfService: claim.placeOfService,
    billedCents: claim.billedCents,
    diagnoses: claim.diagnoses,
    lines: claim.lines,
    score: claim.score,
    scoreReasons: claim.scoreReasons ?? [],
    riskModelVersion: claim.riskModelVersion ?? null,
    cutBps: claim.cutBps,
    payoutCents: claim.payoutCents,
    rejectReasons: claim.rejectReasons ?? [],
    uploadId: claim.uploadId,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  }
}

export function toStatusChange(claim: Pick<StoredClaim, 'id' | 'claimNumber' | 'billedCents' | 'payoutCents' | 'payerName'>, event: ClaimEvent): StatusChange {
  return {
    claimId: claim.id,
    claimNumber: claim.claimNumber,
    version: event.version,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    billedCents: claim.billedCents,
    payoutCents: claim.payoutCents,
    payerName: claim.payerName,
    at: event.at,
  }
}
