// NM1 / N3 / N4 for a party: the same three segments in every transaction set.
import type { X12Address, X12Party } from './model'
import { normalizeText } from './x12-format'
import type { X12SegmentWriter } from './x12-writer'

/**
 * NM1 with the party's name and its id (NM108/NM109): the party's own qualifier unless the loop fixes
 * one (`qualifier`), none at all when the loop does not use it (`null`).
 */
export function writeName(w: X12SegmentWriter, entityId: string, party: X12Party, idQualifier?: string | null): void {
  const isPerson = party.entityType === '1'
  const value = idQualifier === null ? undefined : party.id
  const qualifier = idQualifier === null ? undefined : (idQualifier ?? party.idQualifier)
  w.segment(
    'NM1',
    entityId,
    party.entityType,
    normalizeText(party.lastOrOrganizationName),
    isPerson && party.firstName ? normalizeText(party.firstName) : undefined,
    undefined,
    undefined,
    undefined,
    value ? qualifier : undefined,
    value,
  )
}

/** N3 and N4, or nothing when there is no address. */
export function writeAddress(w: X12SegmentWriter, address: X12Address | undefined): void {
  if (!address) return
  w.segment('N3', normalizeText(address.line1), address.line2 ? normalizeText(address.line2) : undefined)
  w.segment('N4', normalizeText(address.city), normalizeText(address.state), address.postalCode.replace(/[\s-]/g, ''))
}
