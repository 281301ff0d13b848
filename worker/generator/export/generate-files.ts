// Synthetic claims as the files a practice or a payer would exchange. Pure: the caller writes them.
//
//  json  provider.json + history.jsonl: one HistoryRecord a line (JSONL whatever N, so a big export
//        streams and a reader never holds one giant array).
//  csv   claims.csv in our upload format + notes.jsonl with each note and its ground-truth codes.
//  x12   837p-NNNN.x12, one interchange per CLAIMS_PER_837 claims, control numbers 1, 2, 3 ...;
//        then 835-<payer>.x12, one per payer, paying all its claims on the day it adjudicated the last.
//  fhir  fhir-NNNN.json, a collection of Claim + ExplanationOfBenefit for CLAIMS_PER_BUNDLE claims.
//  pdf   superbill-<claim number>.pdf + note-<claim number>.pdf per claim, as a practice would send them,
//        and manifest.jsonl naming each claim's two files with its ground-truth codes.
import { generateHistory, generateProvider } from '../engine'
import type { HistoryRecord, Provider } from '../engine'
import { writeClaimsCsv } from '../../ingest/write-claims-csv'
import { write835 } from '../../payers/x12/write-835'
import { write837P } from '../../payers/x12/write-837p'
import type { X12Envelope } from '../../payers/x12/model'
import { toFhirBundle } from './to-fhir'
import { toClinicalNotePdf, toSuperbillPdf } from './to-pdf'
import { SYNTHETIC_RECEIVER, SYNTHETIC_SUBMITTER, SYNTHETIC_SUBMITTER_CONTACT, toX12Claim837 } from './to-x12'
import { toX12Remittance835 } from './to-x12-remittance'

export const EXPORT_FORMATS = ['json', 'csv', 'x12', 'fhir', 'pdf'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const CLAIMS_PER_837 = 500
export const CLAIMS_PER_BUNDLE = 100
/** Service dates start here unless `from` says otherwise; with no `to` the history runs until N claims. */
export const DEFAULT_FROM = '2024-01-01'
const OPEN_END = '2099-12-31'

export type GenerateFilesOptions = { claims: number; seed: number; format: ExportFormat; from?: string; to?: string }
/** Text for every format but pdf, whose files are bytes. */
export type GeneratedFile = { name: string; content: string | Uint8Array }
export type GenerateReport = {
  provider: Provider
  /** Claims written: `claims`, or fewer when `from`..`to` holds fewer. */
  claims: number
  /** x12 only: claims whose outcome did not balance and were fixed with OA-23 (ids). */
  oa23ClaimIds: string[]
}

export class ExportWriteError extends Error {
  override name = 'ExportWriteError'
}

export function generateRecords(opts: Omit<GenerateFilesOptions, 'format'>): { provider: Provider; records: HistoryRecord[] } {
  if (!Number.isSafeInteger(opts.claims) || opts.claims < 0) throw new RangeError('claims must be a whole number, 0 or more')
  const provider = generateProvider({ seed: opts.seed })
  const records: HistoryRecord[] = []
  if (opts.claims === 0) return { provider, records }
  for (const record of generateHistory({ seed: opts.seed, provider, from: opts.from ?? DEFAULT_FROM, to: opts.to ?? OPEN_END })) {
    records.push(record)
    if (records.length >= opts.claims) break
  }
  return { provider, records }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const seq = (n: number) => String(n).padStart(4, '0')
const latest = (dates: readonly string[]) => dates.reduce((a, b) => (b > a ? b : a))

// Created times come from the data, not a clock, so the same seed writes the same bytes.
function envelope(control: number, createdOn: string, sender: string, receiver: string): X12Envelope {
  return {
    senderId: sender,
    receiverId: receiver,
    interchangeControlNumber: String(control).padStart(9, '0'),
    groupControlNumber: String(control),
    transactionControlNumber: String(control).padStart(4, '0'),
    implementationGuide: '',
    createdAt: `${createdOn}T12:00:00Z`,
    usage: 'T',
  }
}

function x12Files(records: HistoryRecord[], provider: Provider, seed: number): { files: GeneratedFile[]; oa23ClaimIds: string[] } {
  const files: GeneratedFile[] = []
  let control = 0
  for (const batch of chunks(records, CLAIMS_PER_837)) {
    control++
    const env = envelope(control, latest(batch.map((r) => r.outcome.submittedOn)), SYNTHETIC_SUBMITTER.id!, SYNTHETIC_RECEIVER.id!)
    const written = write837P(
      batch.map((r) => toX12Claim837(r, provider, env)),
      { envelope: env, submitter: SYNTHETIC_SUBMITTER, submitterContact: SYNTHETIC_SUBMITTER_CONTACT, receiver: SYNTHETIC_RECEIVER },
    )
    if (!written.ok) throw new ExportWriteError(`837P ${control}: ${written.message}`)
    files.push({ name: `837p-${seq(control)}.x12`, content: written.text })
  }
  const byPayer = new Map<string, HistoryRecord[]>()
  for (const r of records) {
    const list = byPayer.get(r.claim.payer.id)
    if (list) list.push(r)
    else byPayer.set(r.claim.payer.id, [r])
  }
  const oa23ClaimIds: string[] = []
  for (const [payerId, list] of [...byPayer].sort(([a], [b]) => (a < b ? -1 : 1))) {
    control++
    const paymentDate = latest(list.map((r) => r.outcome.adjudicatedOn))
    const { remittance, oa23ClaimIds: fixed } = toX12Remittance835(list, {
      provider,
      paymentDate,
      envelope: envelope(control, paymentDate, payerId, SYNTHETIC_SUBMITTER.id!),
      traceNumber: `SYN${String(seed >>> 0)}T${seq(control)}`,
    })
    oa23ClaimIds.push(...fixed)
    const written = write835(remittance)
    if (!written.ok) throw new ExportWriteError(`835 for ${payerId}: ${written.message}`)
    files.push({ name: `835-${payerId}.x12`, content: written.text })
  }
  return { files, oa23ClaimIds }
}

const jsonl = (rows: readonly unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('')

async function pdfFiles(records: HistoryRecord[], provider: Provider): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = []
  const manifest: unknown[] = []
  const written = new Set<string>()
  for (const record of records) {
    const { claimNumber } = record.claim
    // A duplicate is the same claim sent again: its superbill and note are the ones already written.
    if (written.has(claimNumber)) continue
    written.add(claimNumber)
    const superbill = `superbill-${claimNumber}.pdf`
    const note = `note-${claimNumber}.pdf`
    files.push({ name: superbill, content: await toSuperbillPdf(record, provider) }, { name: note, content: await toClinicalNotePdf(record, provider) })
    manifest.push({ claimNumber, superbill, note, truth: record.note.truth })
  }
  return [...files, { name: 'manifest.jsonl', content: jsonl(manifest) }]
}

/** The files and what went into them. Same options, same bytes. Async because pdf-lib writes PDFs so. */
export async function generateFilesWithReport(opts: GenerateFilesOptions): Promise<{ files: GeneratedFile[]; report: GenerateReport }> {
  const { provider, records } = generateRecords(opts)
  const report: GenerateReport = { provider, claims: records.length, oa23ClaimIds: [] }
  if (records.length === 0) return { files: [], report }
  switch (opts.format) {
    case 'json':
      return { report, files: [{ name: 'provider.json', content: `${JSON.stringify(provider, null, 2)}\n` }, { name: 'history.jsonl', content: jsonl(records) }] }
    case 'csv':
      return {
        report,
        files: [
          { name: 'claims.csv', content: writeClaimsCsv(records.map((r) => r.claim)) },
          { name: 'notes.jsonl', content: jsonl(records.map((r) => ({ claimNumber: r.claim.claimNumber, text: r.note.text, truth: r.note.truth }))) },
        ],
      }
    case 'x12': {
      const { files, oa23ClaimIds } = x12Files(records, provider, opts.seed)
      return { files, report: { ...report, oa23ClaimIds } }
    }
    case 'fhir':
      return { report, files: chunks(records, CLAIMS_PER_BUNDLE).map((batch, i) => ({ name: `fhir-${seq(i + 1)}.json`, content: `${JSON.stringify(toFhirBundle(batch, provider))}\n` })) }
    case 'pdf':
      return { report, files: await pdfFiles(records, provider) }
  }
}

export async function generateFiles(opts: GenerateFilesOptions): Promise<GeneratedFile[]> {
  return (await generateFilesWithReport(opts)).files
}
