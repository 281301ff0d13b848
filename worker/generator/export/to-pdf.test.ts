import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { diagnosisDescription } from '../engine'
import { PDF_PRODUCER, winAnsiSafe } from './pdf-layout'
import { dottedIcd10 } from '../../payers/fhir/code-systems'
import { syntheticPatientName } from './synthetic-parties'
import { serviceDescription, toClinicalNotePdf, toSuperbillPdf } from './to-pdf'
import { testRecords } from './test-records'

const { provider, records } = testRecords()
const record = records.reduce((a, b) => (b.claim.lines.length > a.claim.lines.length ? b : a))

/** The text each page shows, a line per text operator: standard fonts write it as `<hex> Tj`. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false })
  return doc.getPages().map((page) => {
    const contents = page.node.Contents()
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents]
    const ops = refs
      .map((ref) => doc.context.lookup(ref))
      .map((stream) => (stream instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode()) : ''))
      .join('\n')
    return [...ops.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) => String.fromCharCode(...(m[1]!.match(/../g) ?? []).map((h) => parseInt(h, 16)))).join('\n')
  })
}

describe('toSuperbillPdf', () => {
  it('is one page holding the practice, the patient, every code with its description, and the total', async () => {
    const bytes = await toSuperbillPdf(record, provider)
    expect(new TextDecoder('latin1').decode(bytes.slice(0, 8))).toBe('%PDF-1.7')
    const pages = await pageTexts(bytes)
    expect(pages).toHaveLength(1)
    const text = pages[0]!
    const name = syntheticPatientName(record.patient)
    for (const expected of [provider.name, provider.organizationNpi, provider.tin, `${name.last}, ${name.first}`, record.patient.memberId, record.claim.serviceDate, record.claim.claimNumber]) {
      expect(text).toContain(expected)
    }
    for (const line of record.claim.lines) {
      expect(text).toContain(line.procedureCode)
      expect(text).toContain(serviceDescription(line.procedureCode).slice(0, 20))
    }
    for (const code of record.claim.diagnoses) {
      expect(text).toContain(dottedIcd10(code))
      expect(text).toContain(diagnosisDescription(code).slice(0, 20))
    }
    const total = record.claim.lines.reduce((s, l) => s + l.chargeCents, 0)
    expect(text).toContain(`$${(total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`)
    expect(text).toContain('Page 1 of 1')
  })

  it('names E/M visits in our own words, never as "service 99213"', () => {
    expect(serviceDescription('99213')).toBe('Office or outpatient visit, established patient, level 3')
    expect(serviceDescription('99204')).toBe('Office or outpatient visit, new patient, level 4')
    expect(serviceDescription('83036')).toBe('hemoglobin A1c')
  })
})

describe('toClinicalNotePdf', () => {
  it('holds the note text under a header naming the patient and the claim', async () => {
    const pages = await pageTexts(await toClinicalNotePdf(record, provider))
    expect(pages).toHaveLength(1)
    const name = syntheticPatientName(record.patient)
    expect(pages[0]).toContain(`${name.last}, ${name.first}`)
    expect(pages[0]).toContain(record.claim.claimNumber)
    for (const line of record.note.text.split('\n').filter((l) => l.length < 80)) expect(pages[0]).toContain(line)
  })

  it('wraps a long note and continues it over numbered pages, losing no word', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `word${i}`)
    const long = { ...record, note: { ...record.note, text: words.join(' ') } }
    const pages = await pageTexts(await toClinicalNotePdf(long, provider))
    expect(pages.length).toBeGreaterThan(2)
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages.length}`))
    const shown = pages.join('\n').split(/\s+/)
    expect(words.every((w) => shown.includes(w))).toBe(true)
    expect(shown.indexOf('word1499')).toBeGreaterThan(shown.indexOf('word0'))
  })

  it('renders text the standard fonts cannot encode instead of throwing', async () => {
    const odd = { ...record, note: { ...record.note, text: 'Café “quoted” — ✓ 日本\tend' } }
    const [text] = await pageTexts(await toClinicalNotePdf(odd, provider))
    // WinAnsi bytes: the curly quotes and the dash are 0x93, 0x94 and 0x97; wrapping folds runs of spaces.
    expect(text).toContain('Caf\u00e9 \u0093quoted\u0094 \u0097 ? ?? end')
  })
})

describe('winAnsiSafe', () => {
  it('keeps what WinAnsi has, drops accents it lacks, and turns the rest into ?', async () => {
    const doc = await PDFDocument.create()
    const font = doc.embedStandardFont(StandardFonts.Helvetica)
    expect(winAnsiSafe('Łódź ǅ → ok', font)).toBe('?\u00f3dz Dz ? ok')
  })
})

describe('determinism', () => {
  it('writes the same bytes for the same record, dated from the record and not the clock', async () => {
    const [a, b] = [await toSuperbillPdf(record, provider), await toSuperbillPdf(record, provider)]
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const [c, d] = [await toClinicalNotePdf(record, provider), await toClinicalNotePdf(record, provider)]
    expect(Buffer.from(c).equals(Buffer.from(d))).toBe(true)
    const doc = await PDFDocument.load(a, { updateMetadata: false })
    expect(doc.getCreationDate()?.toISOString()).toBe(`${record.claim.serviceDate}T12:00:00.000Z`)
    expect(doc.getModificationDate()?.toISOString()).toBe(`${record.claim.serviceDate}T12:00:00.000Z`)
    expect(doc.getProducer()).toBe(PDF_PRODUCER)
    const other = records.find((r) => r.claim.claimNumber !== record.claim.claimNumber)!
    expect(Buffer.from(await toSuperbillPdf(other, provider)).equals(Buffer.from(a))).toBe(false)
  })
})
