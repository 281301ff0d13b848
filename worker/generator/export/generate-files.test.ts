import { describe, expect, it } from 'vitest'
import { parseClaimsCsv } from '../../ingest'
import { readFhirBundle } from '../../payers/fhir'
import { parseX12, read835, readInterchanges, remittanceBalances } from '../../payers/x12'
import { parseWithNodeX12 } from '../../payers/x12/independent-parse'
import { CLAIMS_PER_837, CLAIMS_PER_BUNDLE, EXPORT_FORMATS, generateFiles, generateFilesWithReport } from './generate-files'
import type { GeneratedFile } from './generate-files'
import { TEST_CLAIMS, TEST_SEED, testRecords } from './test-records'

const { records } = testRecords()
const options = { claims: TEST_CLAIMS, seed: TEST_SEED } as const
const lines = (content: string) => content.split('\n').filter((l) => l !== '')
function text(file: GeneratedFile): string {
  if (typeof file.content !== 'string') throw new TypeError(`${file.name} is not text`)
  return file.content
}

describe('generateFiles', () => {
  it('json: provider.json and one HistoryRecord a line', async () => {
    const files = await generateFiles({ ...options, format: 'json' })
    expect(files.map((f) => f.name)).toEqual(['provider.json', 'history.jsonl'])
    expect(lines(text(files[1]!)).map((l) => JSON.parse(l))).toEqual(records)
  })

  it('csv: the claims round-trip through parseClaimsCsv; notes.jsonl keeps each note with its ground truth', async () => {
    const [csv, notes] = await generateFiles({ ...options, format: 'csv' })
    expect([csv?.name, notes?.name]).toEqual(['claims.csv', 'notes.jsonl'])
    expect(parseClaimsCsv(text(csv!))).toEqual({ ok: true, claims: records.map((r) => r.claim) })
    expect(lines(text(notes!)).map((l) => JSON.parse(l))).toEqual(records.map((r) => ({ claimNumber: r.claim.claimNumber, text: r.note.text, truth: r.note.truth })))
  })

  it(`x12: an 837P per ${CLAIMS_PER_837} claims with rising control numbers, then one balanced 835 per payer`, async () => {
    const claims = CLAIMS_PER_837 * 2 + 100
    const { files: written, report } = await generateFilesWithReport({ claims, seed: TEST_SEED, format: 'x12' })
    const files = written.map((f) => ({ name: f.name, content: text(f) }))
    const claimFiles = files.filter((f) => f.name.startsWith('837p-'))
    const remitFiles = files.filter((f) => f.name.startsWith('835-'))
    expect(claimFiles.map((f) => f.name)).toEqual(['837p-0001.x12', '837p-0002.x12', '837p-0003.x12'])
    expect(claimFiles.length + remitFiles.length).toBe(files.length)
    // ISA13 as node-x12 reads it (it drops the leading zeros), then as the text has it.
    expect(files.map((f) => Number(parseWithNodeX12(f.content).segments[0]!.elements[12]))).toEqual(files.map((_, i) => i + 1))
    expect(files.map((f) => f.content.split('*')[13])).toEqual(files.map((_, i) => String(i + 1).padStart(9, '0')))
    expect(claimFiles.flatMap((f) => parseX12(f.content).claims)).toHaveLength(claims)
    const payers = new Set<string>()
    let remitted = 0
    for (const f of remitFiles) {
      expect(parseX12(f.content).errors).toEqual([])
      const [remittance] = read835(readInterchanges(f.content)).remittances
      expect(remittanceBalances(remittance!)).toEqual({ ok: true })
      expect(f.name).toBe(`835-${remittance!.payer.id}.x12`)
      payers.add(remittance!.payer.id ?? '')
      remitted += remittance!.claims.length
    }
    expect(payers.size).toBe(remitFiles.length)
    expect(remitted).toBe(claims)
    expect(report.oa23ClaimIds).toEqual([])
  })

  it(`fhir: a bundle per ${CLAIMS_PER_BUNDLE} claims, each read back without errors`, async () => {
    const files = await generateFiles({ ...options, format: 'fhir' })
    expect(files.map((f) => f.name)).toEqual(['fhir-0001.json', 'fhir-0002.json'])
    const read = files.map((f) => readFhirBundle(JSON.parse(text(f))))
    expect(read.flatMap((r) => r.issues.filter((i) => i.severity === 'error'))).toEqual([])
    expect(read.flatMap((r) => r.claims.map((c) => c.totalCents))).toEqual(records.map((r) => r.claim.lines.reduce((s, l) => s + l.chargeCents, 0)))
  })

  it('pdf: a superbill and a note per claim, once per claim number, and a manifest with the ground truth', async () => {
    const files = await generateFiles({ ...options, claims: 30, format: 'pdf' })
    const claims = [...new Set(records.slice(0, 30).map((r) => r.claim.claimNumber))]
    expect(files.map((f) => f.name)).toEqual([...claims.flatMap((n) => [`superbill-${n}.pdf`, `note-${n}.pdf`]), 'manifest.jsonl'])
    for (const f of files.slice(0, -1)) expect(new TextDecoder().decode((f.content as Uint8Array).slice(0, 5))).toBe('%PDF-')
    const manifest = lines(text(files.at(-1)!)).map((l) => JSON.parse(l))
    expect(manifest.map((m) => m.claimNumber)).toEqual(claims)
    expect(manifest[0]).toEqual({ claimNumber: claims[0], superbill: `superbill-${claims[0]}.pdf`, note: `note-${claims[0]}.pdf`, truth: records[0]!.note.truth })
  })

  it('writes the same bytes for the same seed, and different ones for another seed', async () => {
    for (const format of EXPORT_FORMATS) {
      const small = { ...options, claims: format === 'pdf' ? 20 : options.claims }
      expect(await generateFiles({ ...small, format })).toEqual(await generateFiles({ ...small, format }))
      expect(await generateFiles({ ...small, format })).not.toEqual(await generateFiles({ ...small, seed: TEST_SEED + 1, format }))
    }
  })

  it('stops at the end of from..to when it holds fewer claims, and writes nothing for none', async () => {
    const { report } = await generateFilesWithReport({ claims: 10_000, seed: TEST_SEED, format: 'json', from: '2024-03-04', to: '2024-03-04' })
    expect(report.claims).toBeGreaterThan(0)
    expect(report.claims).toBeLessThan(1_000)
    expect(await generateFiles({ claims: 0, seed: TEST_SEED, format: 'x12' })).toEqual([])
    await expect(generateFiles({ claims: -1, seed: TEST_SEED, format: 'x12' })).rejects.toThrow(RangeError)
  })
})
