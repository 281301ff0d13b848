import { z } from 'zod'
import { readCsv, type CsvRecord } from './csv'
import { parseDollars } from './dollars'

// Synthea's CSV export as history: claims a payer already settled, for the generator and the risk
// model to learn from. Synthea codes lines in SNOMED CT; codes are kept as in the file.

export type SyntheaClaimLine = {
  /** CHARGEID of the CHARGE row that opens the line. */
  chargeId: number
  code: string
  units: number
  chargeCents: number
  paymentCents: number
  adjustmentCents: number
  /** Moved to the next payer or to the patient (TRANSFEROUT). Responsibility moved, nothing settled. */
  transferredCents: number
  /** The line's balance after its last transaction. */
  outstandingCents: number
}

export type SyntheaClaim = {
  claimId: string
  patientId: string
  providerId: string
  /** The primary payer's id (payers.csv), null when the patient had no insurance (Synthea writes 0). */
  payerId: string | null
  serviceDate: string
  /** The primary payer's status (BILLED, CLOSED), else the patient's. */
  status: string
  chargesCents: number
  paymentsCents: number
  adjustmentsCents: number
  transferredCents: number
  outstandingCents: number
  lines: SyntheaClaimLine[]
}

export type SyntheaIssue = { file: 'claims.csv' | 'claims_transactions.csv'; line: number; message: string }

export type SyntheaClaimsRead = { claims: SyntheaClaim[]; issues: SyntheaIssue[] }

const CLAIM_COLUMNS = ['Id', 'PATIENTID', 'PROVIDERID', 'PRIMARYPATIENTINSURANCEID', 'SERVICEDATE', 'STATUS1', 'STATUSP'] as const
const TRANSACTION_COLUMNS = ['CLAIMID', 'CHARGEID', 'TYPE', 'AMOUNT', 'PROCEDURECODE', 'UNITS', 'PAYMENTS', 'ADJUSTMENTS', 'TRANSFERS', 'OUTSTANDING'] as const

const isoDay = /^(\d{4}-\d{2}-\d{2})(?:T|$)/

const ClaimRow = z.object({
  Id: z.string().min(1, { error: 'no claim id' }),
  PATIENTID: z.string().min(1, { error: 'no patient id' }),
  PROVIDERID: z.string().min(1, { error: 'no provider id' }),
  PRIMARYPATIENTINSURANCEID: z.string(),
  SERVICEDATE: z.string().regex(isoDay, { error: 'SERVICEDATE is not a date' }),
  STATUS1: z.string(),
  STATUSP: z.string(),
})

const TransactionRow = z.object({
  CLAIMID: z.string().min(1, { error: 'no claim id' }),
  CHARGEID: z.string().regex(/^\d+$/, { error: 'CHARGEID is not a number' }).transform(Number),
  TYPE: z.enum(['CHARGE', 'PAYMENT', 'ADJUSTMENT', 'TRANSFERIN', 'TRANSFEROUT'], { error: 'TYPE is not CHARGE, PAYMENT, ADJUSTMENT, TRANSFERIN or TRANSFEROUT' }),
  AMOUNT: z.string(),
  PROCEDURECODE: z.string(),
  UNITS: z.string().regex(/^\d*$/, { error: 'UNITS is not a whole number' }),
  PAYMENTS: z.string(),
  ADJUSTMENTS: z.string(),
  TRANSFERS: z.string(),
  OUTSTANDING: z.string(),
})
type TransactionRow = z.infer<typeof TransactionRow>

type Transaction = { line: number; row: TransactionRow; amounts: Record<'amount' | 'payments' | 'adjustments' | 'transfers' | 'outstanding', number | null> }

/** Reads claims.csv and claims_transactions.csv into claims with their lines and settled totals. */
export function readSyntheaClaims(claimsCsv: string, transactionsCsv: string): SyntheaClaimsRead {
  const issues: SyntheaIssue[] = []
  const claimRows = rowsOf(claimsCsv, 'claims.csv', CLAIM_COLUMNS, issues)
  const transactionRows = rowsOf(transactionsCsv, 'claims_transactions.csv', TRANSACTION_COLUMNS, issues)

  const byClaim = new Map<string, Transaction[]>()
  for (const { line, values } of transactionRows) {
    const transaction = readTransaction(line, values, issues)
    if (!transaction) continue
    const list = byClaim.get(transaction.row.CLAIMID) ?? []
    list.push(transaction)
    byClaim.set(transaction.row.CLAIMID, list)
  }

  const claims: SyntheaClaim[] = []
  const seen = new Set<string>()
  for (const { line, values } of claimRows) {
    const parsed = ClaimRow.safeParse(values)
    if (!parsed.success) {
      issues.push({ file: 'claims.csv', line, message: parsed.error.issues.map((i) => i.message).join('; ') })
      continue
    }
    const row = parsed.data
    if (seen.has(row.Id)) {
      issues.push({ file: 'claims.csv', line, message: `claim ${row.Id} appears twice` })
      continue
    }
    seen.add(row.Id)
    const transactions = byClaim.get(row.Id) ?? []
    byClaim.delete(row.Id)
    if (transactions.length === 0) issues.push({ file: 'claims.csv', line, message: `claim ${row.Id} has no transactions` })
    const lines = linesOf(transactions, issues)
    const sum = (field: keyof Omit<SyntheaClaimLine, 'chargeId' | 'code' | 'units'>) => lines.reduce((total, l) => total + l[field], 0)
    claims.push({
      claimId: row.Id,
      patientId: row.PATIENTID,
      providerId: row.PROVIDERID,
      payerId: row.PRIMARYPATIENTINSURANCEID === '' || row.PRIMARYPATIENTINSURANCEID === '0' ? null : row.PRIMARYPATIENTINSURANCEID,
      serviceDate: isoDay.exec(row.SERVICEDATE)?.[1] ?? '',
      status: row.STATUS1 || row.STATUSP,
      chargesCents: sum('chargeCents'),
      paymentsCents: sum('paymentCents'),
      adjustmentsCents: sum('adjustmentCents'),
      transferredCents: sum('transferredCents'),
      outstandingCents: sum('outstandingCents'),
      lines,
    })
  }
  for (const [claimId, transactions] of byClaim) {
    issues.push({ file: 'claims_transactions.csv', line: transactions[0]?.line ?? 0, message: `${transactions.length} transaction(s) for claim ${claimId}, which is not in claims.csv` })
  }
  return { claims, issues }
}

/**
 * charges = payments + adjustments + outstanding. Transfers are left out: a TRANSFEROUT moves a balance
 * to the next payer and the TRANSFERIN takes it on, so counting them would count the balance twice.
 */
export function syntheaClaimBalance(claim: SyntheaClaim): { balanced: boolean; differenceCents: number } {
  const differenceCents = claim.chargesCents - claim.paymentsCents - claim.adjustmentsCents - claim.outstandingCents
  return { balanced: differenceCents === 0, differenceCents }
}

type Row = { line: number; values: Record<string, string> }

function rowsOf(text: string, file: SyntheaIssue['file'], required: readonly string[], issues: SyntheaIssue[]): Row[] {
  const read = readCsv(text)
  if (!read.ok) {
    issues.push({ file, line: read.line, message: read.message })
    return []
  }
  const [header, ...records] = read.records
  if (!header) {
    issues.push({ file, line: 1, message: 'the file is empty' })
    return []
  }
  const missing = required.filter((name) => !header.fields.includes(name))
  if (missing.length > 0) {
    issues.push({ file, line: header.line, message: `missing column(s): ${missing.join(', ')}` })
    return []
  }
  return records.map((record: CsvRecord) => {
    if (record.fields.length !== header.fields.length) {
      issues.push({ file, line: record.line, message: `${record.fields.length} fields where the header has ${header.fields.length}` })
    }
    return { line: record.line, values: Object.fromEntries(header.fields.map((name, i) => [name, record.fields[i] ?? ''])) }
  })
}

function readTransaction(line: number, values: Record<string, string>, issues: SyntheaIssue[]): Transaction | null {
  const parsed = TransactionRow.safeParse(values)
  if (!parsed.success) {
    issues.push({ file: 'claims_transactions.csv', line, message: parsed.error.issues.map((i) => i.message).join('; ') })
    return null
  }
  const row = parsed.data
  const errors: string[] = []
  const money = (column: 'AMOUNT' | 'PAYMENTS' | 'ADJUSTMENTS' | 'TRANSFERS' | 'OUTSTANDING'): number | null => {
    const text = row[column]
    if (text.trim() === '') return null
    const parsedDollars = parseDollars(text)
    if (!parsedDollars.ok) {
      errors.push(`${column}: ${parsedDollars.message}`)
      return null
    }
    return parsedDollars.cents
  }
  const amounts = { amount: money('AMOUNT'), payments: money('PAYMENTS'), adjustments: money('ADJUSTMENTS'), transfers: money('TRANSFERS'), outstanding: money('OUTSTANDING') }
  // The column each type is settled by: a row of that type without it says nothing we can use.
  const needed = { CHARGE: 'amount', PAYMENT: 'payments', ADJUSTMENT: 'adjustments', TRANSFEROUT: 'transfers', TRANSFERIN: 'transfers' } as const
  if (errors.length === 0 && amounts[needed[row.TYPE]] === null) errors.push(`a ${row.TYPE} row without ${needed[row.TYPE].toUpperCase()}`)
  if (errors.length > 0) {
    issues.push({ file: 'claims_transactions.csv', line, message: errors.join('; ') })
    return null
  }
  return { line, row, amounts }
}

function linesOf(transactions: Transaction[], issues: SyntheaIssue[]): SyntheaClaimLine[] {
  const lines: SyntheaClaimLine[] = []
  // The file interleaves claims; CHARGEID is the order within one.
  const ordered = [...transactions].sort((a, b) => a.row.CHARGEID - b.row.CHARGEID)
  for (const { line, row, amounts } of ordered) {
    if (row.TYPE === 'CHARGE') {
      const charge = amounts.amount ?? 0
      lines.push({
        chargeId: row.CHARGEID,
        code: row.PROCEDURECODE,
        units: row.UNITS === '' ? 1 : Number(row.UNITS),
        chargeCents: charge,
        paymentCents: 0,
        adjustmentCents: 0,
        transferredCents: 0,
        outstandingCents: charge,
      })
      continue
    }
    const current = lines.at(-1)
    if (!current) {
      issues.push({ file: 'claims_transactions.csv', line, message: `a ${row.TYPE} before any CHARGE of claim ${row.CLAIMID}` })
      continue
    }
    if (row.TYPE === 'PAYMENT') current.paymentCents += amounts.payments ?? 0
    if (row.TYPE === 'PAYMENT' || row.TYPE === 'ADJUSTMENT') current.adjustmentCents += amounts.adjustments ?? 0
    if (row.TYPE === 'TRANSFEROUT') current.transferredCents += amounts.transfers ?? 0
    if (amounts.outstanding !== null) current.outstandingCents = amounts.outstanding
  }
  return lines
}
