import type { z } from 'zod'
import { ClaimInput } from '../contracts'
import { CLAIM_CSV_COLUMNS, PHI_CSV_COLUMNS, type ClaimCsvColumn } from '../contracts/claim-csv-columns'
import { readCsv, type CsvRecord } from './csv'
import { parseDollars } from './dollars'

export type CsvIssue = { where: string; message: string }
export type ClaimsCsvParse = { ok: true; claims: ClaimInput[] } | { ok: false; errors: CsvIssue[] }

// Past a few dozen findings the file is wrong as a whole; a longer list helps nobody fix it.
const MAX_REPORTED_ERRORS = 50

type Row = {
  line: number
  value: (column: ClaimCsvColumn) => string
  diagnoses: string[]
  procedureCode: string
  modifiers: string[]
  units: number
  chargeCents: number
  diagnosisPointers: number[]
}

const CLAIM_LEVEL = CLAIM_CSV_COLUMNS.filter((c) => c.level === 'claim' && c.name !== 'claim_number').map((c) => c.name)

const LINE_FIELD_COLUMN: Record<string, ClaimCsvColumn> = {
  procedureCode: 'procedure_code',
  modifiers: 'modifiers',
  units: 'units',
  chargeCents: 'charge',
  diagnosisPointers: 'diagnosis_pointers',
}

const CLAIM_FIELD_COLUMN: Record<string, ClaimCsvColumn> = {
  claimNumber: 'claim_number',
  serviceDate: 'service_date',
  placeOfService: 'place_of_service',
  diagnoses: 'diagnosis_codes',
  lines: 'claim_number',
}

/** Parses the claim upload CSV (see CLAIM_CSV_COLUMNS) into claims, or says where every problem is. */
export function parseClaimsCsv(text: string): ClaimsCsvParse {
  const read = readCsv(text)
  if (!read.ok) return failed([{ where: `row ${read.line}`, message: read.message }])
  const [header, ...records] = read.records
  if (!header || records.length === 0) return failed([{ where: 'file', message: 'the file has no claim rows' }])

  const columns = readHeader(header)
  if (!columns.ok) return failed(columns.errors)

  const errors: CsvIssue[] = []
  const groups = new Map<string, Row[]>()
  for (const record of records) {
    const row = readRow(record, columns.index, header.fields.length, errors)
    if (!row) continue
    const claimNumber = row.value('claim_number')
    groups.set(claimNumber, [...(groups.get(claimNumber) ?? []), row])
  }

  const claims: ClaimInput[] = []
  for (const [claimNumber, rows] of groups) {
    const claim = buildClaim(claimNumber, rows, errors)
    if (claim) claims.push(claim)
  }
  return errors.length > 0 ? failed(errors) : { ok: true, claims }
}

function failed(errors: CsvIssue[]): ClaimsCsvParse {
  if (errors.length <= MAX_REPORTED_ERRORS) return { ok: false, errors }
  const more = errors.length - MAX_REPORTED_ERRORS
  return { ok: false, errors: [...errors.slice(0, MAX_REPORTED_ERRORS), { where: 'file', message: `and ${more} more` }] }
}

function readHeader(header: CsvRecord): { ok: true; index: Map<ClaimCsvColumn, number> } | { ok: false; errors: CsvIssue[] } {
  const known = new Set<string>(CLAIM_CSV_COLUMNS.map((c) => c.name))
  const index = new Map<ClaimCsvColumn, number>()
  const errors: CsvIssue[] = []
  header.fields.forEach((raw, position) => {
    const name = raw.trim().toLowerCase()
    const where = `row ${header.line}, column ${position + 1}`
    if (name === '') errors.push({ where, message: 'this column has no name in the header' })
    else if (!known.has(name)) errors.push({ where, message: `unknown column '${raw.trim()}'` })
    else if (index.has(name as ClaimCsvColumn)) errors.push({ where, message: `column '${name}' appears twice` })
    else index.set(name as ClaimCsvColumn, position)
  })
  for (const column of CLAIM_CSV_COLUMNS) {
    if (column.required && !index.has(column.name)) {
      errors.push({ where: `row ${header.line}`, message: `missing required column '${column.name}'` })
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, index }
}

function readRow(record: CsvRecord, index: Map<ClaimCsvColumn, number>, width: number, errors: CsvIssue[]): Row | undefined {
  const { line, fields } = record
  // Spreadsheets often pad rows with empty cells; only cells with content beyond the header matter.
  if (fields.length < width || fields.slice(width).some((f) => f.trim() !== '')) {
    errors.push({ where: `row ${line}`, message: `this row has ${fields.length} cells but the header has ${width}` })
    return undefined
  }
  const value = (column: ClaimCsvColumn) => {
    const position = index.get(column)
    return position === undefined ? '' : (fields[position] ?? '').trim()
  }
  const at = (column: ClaimCsvColumn) => `row ${line}, column ${column}`
  const before = errors.length

  for (const column of CLAIM_CSV_COLUMNS) {
    if (column.required && value(column.name) === '') errors.push({ where: at(column.name), message: 'is empty' })
  }

  const charge = value('charge') === '' ? undefined : parseDollars(value('charge'))
  if (charge && !charge.ok) errors.push({ where: at('charge'), message: charge.message })

  const units = value('units') === '' ? 1 : parseWholeNumber(value('units'))
  if (units === undefined) errors.push({ where: at('units'), message: `'${value('units')}' is not a whole number of units` })

  const pointers = value('diagnosis_pointers') === '' ? [1] : splitList(value('diagnosis_pointers'), /;/).map(parsePointer)
  if (pointers.some((p) => p === undefined)) {
    errors.push({ where: at('diagnosis_pointers'), message: `'${value('diagnosis_pointers')}' must be diagnosis positions separated by ';' (1;2 or A;B)` })
  }

  if (errors.length > before) return undefined
  return {
    line,
    value,
    diagnoses: splitList(value('diagnosis_codes'), /[;\s]+/),
    procedureCode: value('procedure_code'),
    modifiers: splitList(value('modifiers'), /;/),
    units: units ?? 1,
    chargeCents: charge?.ok ? charge.cents : 0,
    diagnosisPointers: pointers.filter((p) => p !== undefined),
  }
}

function buildClaim(claimNumber: string, rows: Row[], errors: CsvIssue[]): ClaimInput | undefined {
  const [first] = rows
  if (!first) return undefined
  const before = errors.length
  for (const row of rows.slice(1)) {
    for (const column of CLAIM_LEVEL) {
      if (normalise(row.value(column)) !== normalise(first.value(column))) {
        const values = PHI_CSV_COLUMNS.has(column) ? '' : `'${row.value(column)}' `
        const firstValue = PHI_CSV_COLUMNS.has(column) ? '' : ` ('${first.value(column)}')`
        errors.push({
          where: `row ${row.line}, column ${column}`,
          message: `${values}differs from row ${first.line}${firstValue}: every row of claim ${claimNumber} must have the same ${column}`,
        })
      }
    }
  }
  if (errors.length > before) return undefined

  const candidate = {
    claimNumber,
    payer: { id: first.value('payer_id'), name: first.value('payer_name') },
    serviceDate: first.value('service_date'),
    placeOfService: first.value('place_of_service') || undefined,
    diagnoses: first.diagnoses,
    ...patientOf(first),
    lines: rows.map((row) => ({
      procedureCode: row.procedureCode,
      modifiers: row.modifiers,
      units: row.units,
      chargeCents: row.chargeCents,
      diagnosisPointers: row.diagnosisPointers,
    })),
  }
  const parsed = ClaimInput.safeParse(candidate)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) errors.push(locateIssue(issue, rows, first, candidate))
  return undefined
}

/** The patient columns, when the file has any: all-or-nothing validation is the contract's job. */
function patientOf(row: Row): { patient?: Record<string, unknown>; note?: string } {
  const v = (column: ClaimCsvColumn) => row.value(column) || undefined
  const address = v('patient_address') || v('patient_city') || v('patient_state') || v('patient_zip')
    ? { line1: v('patient_address'), city: v('patient_city'), state: v('patient_state'), postalCode: v('patient_zip') }
    : undefined
  const any = v('patient_first_name') || v('patient_last_name') || v('patient_dob') || v('member_id') || address
  return {
    ...(any ? { patient: { firstName: v('patient_first_name'), lastName: v('patient_last_name'), dateOfBirth: v('patient_dob'), sex: v('patient_sex')?.toUpperCase(), memberId: v('member_id'), address } } : {}),
    ...(v('note') ? { note: v('note') } : {}),
  }
}

const PATIENT_FIELD_COLUMN: Record<string, ClaimCsvColumn> = {
  firstName: 'patient_first_name',
  lastName: 'patient_last_name',
  dateOfBirth: 'patient_dob',
  sex: 'patient_sex',
  memberId: 'member_id',
  line1: 'patient_address',
  city: 'patient_city',
  state: 'patient_state',
  postalCode: 'patient_zip',
}

function locateIssue(issue: z.core.$ZodIssue, rows: Row[], first: Row, candidate: unknown): CsvIssue {
  const [head, second, third] = issue.path
  // PHI is never quoted back: the column and the rule are enough to find and fix it.
  if (head === 'patient' || head === 'note') {
    const field = head === 'note' ? 'note' : typeof third === 'string' ? third : String(second)
    const column = head === 'note' ? 'note' : (PATIENT_FIELD_COLUMN[field] ?? 'patient_first_name')
    const message = issue.code === 'invalid_type' ? 'is required with the other patient columns' : issue.message
    return { where: `row ${first.line}, column ${column}`, message }
  }
  if (head === 'lines' && typeof second === 'number' && typeof third === 'string') {
    const row = rows[second] ?? first
    const column = LINE_FIELD_COLUMN[third] ?? 'procedure_code'
    if (column === 'charge' && issue.code === 'too_big') {
      return { where: `row ${row.line}, column charge`, message: 'a line charge is at most $1,000,000.00' }
    }
    return { where: `row ${row.line}, column ${column}`, message: withValue(issue, candidate) }
  }
  if (head === 'payer') {
    const column = second === 'name' ? 'payer_name' : 'payer_id'
    return { where: `row ${first.line}, column ${column}`, message: withValue(issue, candidate) }
  }
  if (head === 'diagnoses' && typeof second === 'number') {
    return { where: `row ${first.line}, column diagnosis_codes`, message: `diagnosis ${second + 1}: ${withValue(issue, candidate)}` }
  }
  const column = typeof head === 'string' ? CLAIM_FIELD_COLUMN[head] : undefined
  return { where: column ? `row ${first.line}, column ${column}` : `row ${first.line}`, message: withValue(issue, candidate) }
}

/** Prefixes the message with the offending text when there is one, so the biller can find it. */
function withValue(issue: z.core.$ZodIssue, candidate: unknown): string {
  let value: unknown = candidate
  for (const key of issue.path) {
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined
  }
  return typeof value === 'string' ? `'${value}' ${issue.message}` : issue.message
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

function parseWholeNumber(text: string): number | undefined {
  return /^\d{1,6}$/.test(text) ? Number(text) : undefined
}

// The CMS-1500 form (box 24E) writes pointers as letters A-L; X12 and most exports use numbers.
function parsePointer(text: string): number | undefined {
  if (/^[A-La-l]$/.test(text)) return text.toUpperCase().charCodeAt(0) - 64
  return parseWholeNumber(text)
}

function normalise(text: string): string {
  return splitList(text.toUpperCase(), /[;\s]+/).join(';')
}
