import type { Claim, ClaimStatus, LiveEvent } from '$contracts'

/**
 * What a claims table shows. Built from a full `Claim` (server load) or from a live status change, which
 * carries less (no service date), so those fields are optional.
 */
export interface ClaimRow {
  id: string
  claimNumber: string
  payerName: string
  serviceDate: string | null
  billedCents: number
  payoutCents: number | null
  status: ClaimStatus
  version: number
  updatedAt: string
  /** Bumped on every live change, so the row can flash once per change. */
  flash: number
}

export function rowFromClaim(claim: Claim): ClaimRow {
  return {
    id: claim.id,
    claimNumber: claim.claimNumber,
    payerName: claim.payer.name,
    serviceDate: claim.serviceDate,
    billedCents: claim.billedCents,
    payoutCents: claim.payoutCents,
    status: claim.status,
    version: claim.version,
    updatedAt: claim.updatedAt,
    flash: 0,
  }
}

export function rowFromEvent(event: LiveEvent): ClaimRow {
  return {
    id: event.claimId,
    claimNumber: event.claimNumber,
    payerName: event.payerName,
    serviceDate: null,
    billedCents: event.billedCents,
    payoutCents: event.payoutCents,
    status: event.toStatus,
    version: event.version,
    updatedAt: event.at,
    flash: 1,
  }
}

/**
 * The row after a status change, or null when the change is not newer than what the row shows.
 * Versions make this idempotent: replays after a reconnect and events older than the server-loaded
 * page are ignored.
 */
export function applyEvent(row: ClaimRow, event: LiveEvent): ClaimRow | null {
  if (row.id !== event.claimId || event.version <= row.version) return null
  return {
    ...row,
    status: event.toStatus,
    version: event.version,
    payoutCents: event.payoutCents ?? row.payoutCents,
    updatedAt: event.at,
    flash: row.flash + 1,
  }
}

/** Rows with the change applied to the matching row (same array when nothing changed). */
export function updateRows(rows: ClaimRow[], event: LiveEvent): ClaimRow[] {
  const index = rows.findIndex((r) => r.id === event.claimId)
  const current = rows[index]
  if (!current) return rows
  const next = applyEvent(current, event)
  if (!next) return rows
  return rows.with(index, next)
}

/**
 * Dashboard behaviour: update the row if shown, otherwise put the claim at the top (it is the newest
 * activity), keeping at most `limit` rows.
 */
export function upsertRows(rows: ClaimRow[], event: LiveEvent, limit: number): ClaimRow[] {
  if (rows.some((r) => r.id === event.claimId)) return updateRows(rows, event)
  return [rowFromEvent(event), ...rows].slice(0, limit)
}
