import { describe, expect, it } from 'vitest'
import { InvalidDeidContext, type DeidContextInput } from './context'
import { deidentify } from './deidentify'
import { reidentify } from './reidentify'

const NOTE = [
  'Patient: Smith, John   DOB: 03/14/1950   MRN: 00482913',
  'Member ID: 1EG4TE5MK72   Acct #: 55512345',
  'Address: 123 Main St, Austin, TX 78701',
  'Phone: (512) 555-0143   Email: john.smith@example.com',
  'DOS: March 14, 2026. Seen by Dr. Anna Lee.',
  '92 y/o male presents with chest pain x3 days. Temp 99F. BP 120/80.',
  "Mr. Smith's daughter Mary called from 512.555.0199. J. Smith signed consent 3-14-26.",
  'Portal https://portal.example.org/p/123 from 192.168.1.20. SSN 123-45-6789.',
  'Electronically signed by Anna Lee, MD on 2026-03-14.',
].join('\n')

describe('deidentify', () => {
  it('replaces every kind of identifier with a typed token', () => {
    const { text } = deidentify(NOTE)
    for (const value of ['Smith', 'John', '03/14/1950', '00482913', '1EG4TE5MK72', '55512345', '123 Main St', 'Austin', '78701', '(512) 555-0143', 'john.smith@example.com', 'March 14, 2026', 'Anna', 'Lee', 'Mary', '512.555.0199', '3-14-26', 'portal.example.org', '192.168.1.20', '123-45-6789', '2026-03-14']) {
      expect(text).not.toContain(value)
    }
    expect(text).toContain('Patient: [NAME_1], [NAME_2]')
    expect(text).toContain('DOB: [DATE_1]')
    expect(text).toContain('MRN: [MRN_1]')
    expect(text).toContain('Member ID: [MEMBER_ID_1]')
    expect(text).toContain('TX [ZIP_1]')
    expect(text).toContain('[AGE_90_PLUS_1] y/o male')
    expect(text).toContain("Mr. [NAME_1]'s daughter")
    expect(text).toContain('SSN [SSN_1]')
  })

  it('gives the same value the same token within a note, and a different value a different token', () => {
    const { text, mapping } = deidentify('Dr. Lee saw Mr. Okafor. Okafor thanked Dr. Lee. Dr. Chen agreed.')
    expect(text).toBe('Dr. [NAME_1] saw Mr. [NAME_2]. [NAME_2] thanked Dr. [NAME_1]. Dr. [NAME_3] agreed.')
    expect(mapping).toEqual({ '[NAME_1]': 'Lee', '[NAME_2]': 'Okafor', '[NAME_3]': 'Chen' })
  })

  it('maps every token back to its place in the input', () => {
    const result = deidentify(NOTE)
    expect(result.spans.length).toBeGreaterThan(20)
    for (const span of result.spans) {
      expect(result.text.slice(span.outStart, span.outEnd)).toBe(span.token)
      expect(NOTE.slice(span.start, span.end)).toBe(result.mapping[span.token])
    }
    expect(reidentify(result.text, result.mapping)).toBe(NOTE)
  })

  it.each([
    'Metformin 500 mg PO BID; lisinopril 10 mg daily.',
    'BP 120/80, HR 72, Temp 98.6F, SpO2 98% on RA.',
    'A1c 7.2 (was 8.1 in 2019); LDL 130.',
    'Billed 99214 with E11.9 and I10; CPT 36415.',
    'Left knee pain for 3 days, worse 2 weeks ago.',
    'Diabetic since 2019.',
    'PHQ-9 of 12, GAD-7 of 8.',
    'Take 1/2 tablet; I:E ratio 1:2; strength 4/5; vision 20/40.',
    "Parkinson's disease, Bell's palsy and Crohn's disease.",
    'L4-L5 disc bulge; q6-8h; 3-4 times per week.',
    'Temp 99F, Tmax 101.2F.',
    'NDC 00093-7146-56; SNOMED 44054006.',
    'Grade 2/6 murmur; G2P1 at 32 weeks; 20 pack-years.',
    'May take acetaminophen 650 mg q6h. Will call if worse.',
    'Hep B dose 2 of 3; eGFR 58; INR 2.5; ICD-10 M17.11.',
  ])('keeps clinical content: %j', (clinical) => {
    const result = deidentify(clinical)
    expect(result.text).toBe(clinical)
    expect(result.spans).toEqual([])
  })

  it('catches the claim’s names in unusual forms from the context', () => {
    const context = { patient: { firstName: 'Thaddeus', lastName: 'Vandermeer' }, providerNames: ['Ottoline Quist, MD'] }
    const note = "VANDERMEER, THADDEUS. vandermeer's wife. T. Vandermeer. Vandermeer, T. thaddeus. Quist reviewed."
    const { text } = deidentify(note, context)
    expect(text).not.toMatch(/vandermeer|thaddeus|quist/i)
    expect(text).not.toMatch(/\bT\./)
    expect(text).toContain("[NAME_3]'s wife")
  })

  it('does not take common words from a name in the context', () => {
    const { text } = deidentify('Brown discharge noted; patient Brown reports a brown stool.', { patient: { lastName: 'Brown' } })
    expect(text).toBe('[NAME_1] discharge noted; patient [NAME_1] reports a brown stool.')
  })

  it('validates the context and says which field is wrong without echoing values', () => {
    // Context often comes from stored data: the types say what is expected, the schema checks it.
    const unchecked = (value: unknown) => value as DeidContextInput
    expect(() => deidentify('note', unchecked({ patient: { lastName: 42 } }))).toThrow(InvalidDeidContext)
    expect(() => deidentify('note', unchecked({ patient: { nickname: 'Jo' } }))).toThrow(InvalidDeidContext)
    expect(() => deidentify('note', { providerNames: ['x'.repeat(300)] })).toThrow(/providerNames\.0/)
    expect(() => deidentify('note', unchecked('Smith'))).toThrow(InvalidDeidContext)
    expect(() => deidentify('note', { patient: { lastName: '   ' } })).toThrow(InvalidDeidContext)
    let message = ''
    try {
      deidentify('note', unchecked({ patient: { ssn: 123456789 } }))
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain('patient.ssn')
    expect(message).not.toContain('123456789')
  })

  it('returns an empty result for an empty note and refuses what is not text', () => {
    expect(deidentify('')).toEqual({ text: '', spans: [], mapping: {} })
    expect(() => deidentify(undefined as unknown as string)).toThrow(TypeError)
  })

  it('never reuses a token that was already written in the note', () => {
    const note = 'Template left [NAME_1] unfilled; Dr. Okafor signed.'
    const result = deidentify(note)
    expect(result.text).toBe('Template left [NAME_1] unfilled; Dr. [NAME_2] signed.')
    expect(reidentify(result.text, result.mapping)).toBe(note)
  })

  it('finishes on 200 KB of adversarial digits and punctuation', () => {
    for (const unit of ['1234567890-./:()', '12/12/12/', '+1 ', 'aaaa@', 'e:e:', '1 Aa ', 'Dr. Aa Aa, MD ', "a'"]) {
      const input = unit.repeat(Math.ceil(200_000 / unit.length))
      const result = deidentify(input, { patient: { firstName: 'Aa', memberId: '1111111' } })
      expect(reidentify(result.text, result.mapping)).toBe(input)
    }
  })
})
