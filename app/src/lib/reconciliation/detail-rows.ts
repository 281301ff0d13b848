import type { ReconciliationDetail } from '$contracts/reconciliation'
import { formatCents } from '$lib/format'

export type DetailRow = { label: string; value: string; mono?: boolean }

const MONEY: [keyof ReconciliationDetail, string][] = [
  ['chargeCents', 'Charge (CLP03)'],
  ['billedCents', 'We billed'],
  ['paidCents', 'Paid (CLP04)'],
  ['adjustedCents', 'Adjustments'],
  ['patientResponsibilityCents', 'Patient responsibility (CLP05)'],
]

const TEXT: [keyof ReconciliationDetail, string][] = [
  ['status', 'Claim status then'],
  ['postedByTrace', 'Posted by trace'],
  ['claimPayerId', 'Claim billed to payer'],
  ['remittancePayerId', '835 from payer'],
  ['statusCode', 'CLP02 status'],
  ['fileKey', 'File'],
]

/** What posting recorded about an item, as label and value, in a fixed order and only what is present. */
export function detailRows(detail: ReconciliationDetail): DetailRow[] {
  const rows: DetailRow[] = []
  for (const [key, label] of MONEY) {
    const value = detail[key]
    if (typeof value === 'number') rows.push({ label, value: formatCents(value) })
  }
  for (const [key, label] of TEXT) {
    const value = detail[key]
    if (typeof value === 'string' && value) rows.push({ label, value, mono: key !== 'status' })
  }
  if (typeof detail.issues === 'number') rows.push({ label: 'Problems reading the file', value: String(detail.issues) })
  return rows
}

/** The charge and the amount paid, the two figures the list shows for each item. */
export function amountsOf(detail: ReconciliationDetail): { charge: string; paid: string } {
  return { charge: detail.chargeCents === undefined ? '—' : formatCents(detail.chargeCents), paid: detail.paidCents === undefined ? '—' : formatCents(detail.paidCents) }
}
