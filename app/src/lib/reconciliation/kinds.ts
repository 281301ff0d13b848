import { RECONCILIATION_KINDS, type OpenCounts, type ReconciliationKind } from '$contracts/reconciliation'

type Tone = 'danger' | 'warning' | 'info' | 'neutral'

/** How an admin reads each kind: what happened, and where to start. */
export const KINDS: Record<ReconciliationKind, { label: string; help: string; tone: Tone }> = {
  'unknown-claim': { label: 'Unknown claim', help: 'CLP01 names no claim of ours. The money may belong to someone else: ask the payer.', tone: 'danger' },
  'already-posted': { label: 'Already posted', help: 'The claim already has the payer’s answer from another 835, or was not waiting for one.', tone: 'warning' },
  'duplicate-remittance': { label: 'Duplicate 835', help: 'This trace number was posted before; the file arrived again and nothing was posted twice.', tone: 'neutral' },
  'payer-mismatch': { label: 'Payer mismatch', help: 'The 835 came from a payer other than the one the claim was billed to.', tone: 'danger' },
  'charge-mismatch': { label: 'Charge mismatch', help: 'CLP03 is not what we billed for the claim.', tone: 'warning' },
  'amounts-do-not-add-up': { label: 'Amounts do not add up', help: 'Paid plus adjustments is not the charge, or patient responsibility differs from the PR adjustments.', tone: 'warning' },
  'unsupported-status': { label: 'Unsupported status', help: 'A CLP02 status posting does not apply on its own (a reversal, for example).', tone: 'info' },
  'unreadable-file': { label: 'Unreadable file', help: 'The 835 could not be read; nothing in it was posted.', tone: 'danger' },
}

/** A kind from a URL parameter, or null for anything else. */
export function kindFrom(value: string | null): ReconciliationKind | null {
  return (RECONCILIATION_KINDS as readonly string[]).includes(value ?? '') ? (value as ReconciliationKind) : null
}

/** A bar per kind in a fixed order, so the chart does not reshuffle as counts change. */
export type KindBar = { index: number; status: ReconciliationKind; label: string; count: number; tone: Tone }

export function kindBars(open: OpenCounts): KindBar[] {
  return RECONCILIATION_KINDS.map((kind, index) => ({ index, status: kind, label: KINDS[kind].label, count: open.byKind[kind] ?? 0, tone: KINDS[kind].tone }))
}

/** The chart in words, for those who cannot see it. */
export function kindSummary(open: OpenCounts): string {
  if (open.total === 0) return 'No open reconciliation items.'
  const parts = kindBars(open)
    .filter((b) => b.count > 0)
    .map((b) => `${b.label}: ${b.count}`)
  return `Bar chart of ${open.total} open reconciliation items by kind. ${parts.join(', ')}.`
}
