// HistoryRecord -> the PDFs a practice sends along with a claim: its superbill and the clinical note.
// Made up of the record alone (dates included), so the same seed writes the same bytes.
import { diagnosisDescription, procedureDescription } from '../engine'
import type { HistoryRecord, Provider } from '../engine'
import { dottedIcd10 } from '../../payers/fhir/code-systems'
import { createDocument, leading, PAGE, PageFlow, saveDocument, wrapText } from './pdf-layout'
import type { PdfFonts, TextStyle } from './pdf-layout'
import { birthDateFor, patientAddress, practiceAddress, syntheticPatientName } from './synthetic-parties'

const PLACES_OF_SERVICE: Readonly<Record<string, string>> = {
  '02': 'Telehealth', '10': 'Telehealth in the home', '11': 'Office', '12': 'Home', '19': 'Off campus outpatient hospital',
  '20': 'Urgent care facility', '21': 'Inpatient hospital', '22': 'On campus outpatient hospital', '23': 'Emergency room',
}

const EM_VISIT = /^992(0[2-5]|1[1-5])$/

/**
 * Our own words for a service. CPT descriptors are the AMA's and are not shipped; the engine has no
 * wording for the E/M visits, so the superbill names them by patient type and level.
 */
export function serviceDescription(code: string): string {
  if (EM_VISIT.test(code)) return `Office or outpatient visit, ${code[3] === '0' ? 'new' : 'established'} patient, level ${code[4]}`
  return procedureDescription(code)
}

const dollars = (cents: number) => `$${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`

function styles(fonts: PdfFonts) {
  return {
    title: { font: fonts.bold, size: 16 },
    heading: { font: fonts.bold, size: 11 },
    label: { font: fonts.bold, size: 9 },
    body: { font: fonts.regular, size: 9 },
  } satisfies Record<string, TextStyle>
}

function patientOf(record: HistoryRecord, provider: Provider) {
  const name = syntheticPatientName(record.patient)
  const address = patientAddress(record.patient, provider)
  return {
    name: `${name.last}, ${name.first}`,
    dateOfBirth: birthDateFor(record.patient.age, record.claim.serviceDate),
    address: `${address.line1}, ${address.city}, ${address.state} ${address.postalCode}`,
  }
}

/** Label and value pairs across one line, each pair in its own column. */
function fields(flow: PageFlow, s: ReturnType<typeof styles>, pairs: readonly (readonly [string, string])[], columns: readonly number[]): void {
  flow.ensure(leading(s.body))
  pairs.forEach(([label, value], i) => {
    const x = PAGE.margin + columns[i]!
    flow.put(label, s.label, x)
    flow.put(value, s.body, x + s.label.font.widthOfTextAtSize(label, s.label.size) + 4)
  })
  flow.skip(leading(s.body))
}

function practiceHeader(flow: PageFlow, s: ReturnType<typeof styles>, record: HistoryRecord, provider: Provider, title: string): void {
  flow.write(title, s.title)
  flow.skip(4)
  flow.write(provider.name, s.heading)
  const address = practiceAddress(provider)
  flow.write(`${address.line1}, ${address.city}, ${address.state} ${address.postalCode}`, s.body)
  fields(flow, s, [['NPI', provider.organizationNpi], ['TIN', provider.tin], ['Rendering NPI', record.renderingNpi]], [0, 130, 260])
  flow.rule()
}

function patientBlock(flow: PageFlow, s: ReturnType<typeof styles>, record: HistoryRecord, provider: Provider): void {
  const { claim, patient } = record
  const who = patientOf(record, provider)
  fields(flow, s, [['Patient', who.name], ['Date of birth', who.dateOfBirth], ['Sex', patient.sex]], [0, 260, 420])
  fields(flow, s, [['Address', who.address]], [0])
  fields(flow, s, [['Payer', `${claim.payer.name} (${claim.payer.id})`], ['Member ID', patient.memberId]], [0, 260])
  const place = PLACES_OF_SERVICE[claim.placeOfService]
  fields(flow, s, [['Claim', claim.claimNumber], ['Date of service', claim.serviceDate], ['Place of service', place ? `${claim.placeOfService} ${place}` : claim.placeOfService]], [0, 170, 320])
  flow.rule()
}

// Service table columns, in points from the left margin; the charge is right-aligned to the last.
const COLUMNS = { code: 0, modifiers: 46, units: 96, description: 128, pointers: 390, chargeRight: PAGE.width - 2 * PAGE.margin } as const

function serviceTable(flow: PageFlow, s: ReturnType<typeof styles>, record: HistoryRecord): void {
  const right = (text: string, style: TextStyle) => flow.put(text, style, PAGE.margin + COLUMNS.chargeRight - style.font.widthOfTextAtSize(text, style.size))
  flow.write('Services', s.heading)
  flow.ensure(leading(s.label))
  for (const [label, x] of [['CPT/HCPCS', COLUMNS.code], ['Modifiers', COLUMNS.modifiers], ['Units', COLUMNS.units], ['Description', COLUMNS.description], ['Dx pointers', COLUMNS.pointers]] as const) {
    flow.put(label, s.label, PAGE.margin + x)
  }
  right('Charge', s.label)
  flow.skip(leading(s.label))
  for (const line of record.claim.lines) {
    const description = wrapText(serviceDescription(line.procedureCode), s.body, COLUMNS.pointers - COLUMNS.description - 8)
    flow.ensure(leading(s.body) * description.length)
    flow.put(line.procedureCode, s.body, PAGE.margin + COLUMNS.code)
    flow.put(line.modifiers.join(' '), s.body, PAGE.margin + COLUMNS.modifiers)
    flow.put(String(line.units), s.body, PAGE.margin + COLUMNS.units)
    flow.put(line.diagnosisPointers.join(', '), s.body, PAGE.margin + COLUMNS.pointers)
    right(dollars(line.chargeCents), s.body)
    for (const text of description) {
      flow.put(text, s.body, PAGE.margin + COLUMNS.description)
      flow.skip(leading(s.body))
    }
  }
  flow.rule()
}

/** The superbill: practice, patient, date and place of service, the service lines, the diagnoses and the total. */
export async function toSuperbillPdf(record: HistoryRecord, provider: Provider): Promise<Uint8Array> {
  const { claim } = record
  const { doc, fonts } = await createDocument({ title: `Superbill ${claim.claimNumber}`, subject: 'Superbill', author: provider.name, createdOn: claim.serviceDate })
  const s = styles(fonts)
  const flow = new PageFlow(doc)
  practiceHeader(flow, s, record, provider, 'Superbill')
  patientBlock(flow, s, record, provider)
  serviceTable(flow, s, record)
  flow.write('Diagnoses (ICD-10-CM)', s.heading)
  claim.diagnoses.forEach((code, i) => {
    const x = PAGE.margin + 70
    flow.ensure(leading(s.body))
    flow.put(`${i + 1}.  ${dottedIcd10(code)}`, s.body)
    flow.write(diagnosisDescription(code), s.body, x)
  })
  flow.rule()
  const total = dollars(claim.lines.reduce((sum, l) => sum + l.chargeCents, 0))
  flow.ensure(leading(s.heading))
  flow.put('Total charges', s.heading)
  flow.put(total, s.heading, PAGE.margin + COLUMNS.chargeRight - s.heading.font.widthOfTextAtSize(total, s.heading.size))
  flow.skip(leading(s.heading))
  return saveDocument(doc, fonts)
}

/** The clinical note as the practice's record of the visit, wrapped and continued over as many pages as it needs. */
export async function toClinicalNotePdf(record: HistoryRecord, provider: Provider): Promise<Uint8Array> {
  const { claim } = record
  const { doc, fonts } = await createDocument({ title: `Clinical note ${claim.claimNumber}`, subject: 'Clinical note', author: provider.name, createdOn: claim.serviceDate })
  const s = styles(fonts)
  const flow = new PageFlow(doc)
  practiceHeader(flow, s, record, provider, 'Clinical note')
  const who = patientOf(record, provider)
  fields(flow, s, [['Patient', who.name], ['Date of birth', who.dateOfBirth], ['Sex', record.patient.sex]], [0, 260, 420])
  fields(flow, s, [['Date of service', claim.serviceDate], ['Claim', claim.claimNumber], ['Member ID', record.patient.memberId]], [0, 170, 320])
  flow.rule()
  flow.skip(4)
  flow.write(record.note.text, { font: fonts.regular, size: 10 })
  return saveDocument(doc, fonts)
}
