import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readFhirBundle } from './read-bundle'

const fixturesDir = new URL('./fixtures/', import.meta.url)
const fixtureNames = readdirSync(fixturesDir).filter((name) => name.endsWith('.json'))
const load = (name: string): unknown => JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8'))

/** Counts by resourceType read straight from the JSON, independently of the reader. */
function countByType(json: unknown): Record<string, number> {
  const counts: Record<string, number> = {}
  const entries = (json as { entry: { resource: { resourceType: string } }[] }).entry
  for (const entry of entries) counts[entry.resource.resourceType] = (counts[entry.resource.resourceType] ?? 0) + 1
  return counts
}

describe('readFhirBundle on the Synthea fixtures', () => {
  it('has the five bundles', () => {
    expect(fixtureNames).toHaveLength(5)
  })

  describe.each(fixtureNames)('%s', (name) => {
    const json = load(name)
    const read = readFhirBundle(json)
    const counts = countByType(json)

    it('reads with no errors', () => {
      expect(read.issues.filter((i) => i.severity === 'error')).toEqual([])
    })

    it('reads every Claim, EOB, Encounter and DocumentReference the bundle holds', () => {
      expect(read.claims).toHaveLength(counts.Claim ?? 0)
      expect(read.eobs).toHaveLength(counts.ExplanationOfBenefit ?? 0)
      expect(read.encounters).toHaveLength(counts.Encounter ?? 0)
      expect(read.notes).toHaveLength(counts.DocumentReference ?? 0)
      expect(read.conditions).toHaveLength(counts.Condition ?? 0)
      expect(read.procedures).toHaveLength(counts.Procedure ?? 0)
      expect(read.patients).toHaveLength(1)
    })

    it('resolves every claim to the bundle patient and every EOB to a claim of the bundle', () => {
      const patient = read.patients[0]
      const claimIds = new Set(read.claims.map((c) => c.id))
      for (const claim of read.claims) expect(claim.patientRef).toMatchObject({ kind: 'local', type: 'Patient', id: patient?.id })
      for (const eob of read.eobs) {
        expect(eob.claimRef).toMatchObject({ kind: 'local', type: 'Claim' })
        expect(claimIds.has(eob.claimRef?.kind === 'local' ? eob.claimRef.id : '')).toBe(true)
      }
    })

    it('links encounters, and keeps SNOMED/CVX codes with their system', () => {
      const encounterIds = new Set(read.encounters.map((e) => e.id))
      for (const claim of read.claims) {
        for (const ref of claim.encounterRefs) expect(ref.kind === 'local' && encounterIds.has(ref.id)).toBe(true)
        for (const item of claim.items) {
          expect(item.code).not.toBe('')
          expect(['http://snomed.info/sct', 'http://hl7.org/fhir/sid/cvx', 'http://www.nlm.nih.gov/research/umls/rxnorm']).toContain(item.system)
        }
      }
      for (const note of read.notes) expect(note.encounterRef?.kind === 'local' && encounterIds.has(note.encounterRef.id)).toBe(true)
    })

    it('decodes every note to non-empty text', () => {
      for (const note of read.notes) {
        expect(note.contentType).toMatch(/^text\/plain/)
        expect(note.text.trim().length).toBeGreaterThan(0)
      }
    })

    it('keeps conditional references to practitioners and organizations with system and value', () => {
      const encounter = read.encounters[0]
      expect(encounter?.providerRef).toMatchObject({ kind: 'conditional', type: 'Organization', system: 'https://github.com/synthetichealth/synthea' })
      expect(encounter?.practitionerRefs[0]).toMatchObject({ kind: 'conditional', type: 'Practitioner', system: 'http://hl7.org/fhir/sid/us-npi' })
      const npi = encounter?.practitionerRefs[0]
      expect(npi?.kind === 'conditional' && /^\d{10}$/.test(npi.value)).toBe(true)
    })

    it('reads money as integer cents', () => {
      for (const claim of read.claims) {
        expect(Number.isInteger(claim.totalCents)).toBe(true)
        for (const item of claim.items) expect(Number.isInteger(item.netCents)).toBe(true)
      }
      for (const eob of read.eobs) expect(Number.isInteger(eob.paymentCents)).toBe(true)
    })

    it('does not carry the SSN', () => {
      expect(JSON.stringify(read.patients)).not.toMatch(/us-ssn|\b999-\d\d-\d{4}\b/)
    })
  })

  it('reads a known claim and EOB exactly, rounding sub-cent EOB amounts with a warning', () => {
    const read = readFhirBundle(load('Assunta351_Dickens475_3d195286-ce77-f5b3-b64f-3eacfb9c273e.json'))
    const claim = read.claims.find((c) => c.id === '2d1f680d-4c91-dd94-8b4d-bd34a4e2d252')
    expect(claim).toMatchObject({
      type: 'institutional',
      serviceDate: '1993-05-02',
      totalCents: 26968,
      insurer: 'Cigna Health',
      items: [
        { sequence: 1, code: '410620009', system: 'http://snomed.info/sct', netCents: 0 },
        { sequence: 2, code: '08', system: 'http://hl7.org/fhir/sid/cvx', netCents: 14052 },
      ],
    })
    const patient = read.patients[0]
    expect(patient).toMatchObject({ name: 'Assunta351 Dickens475', birthDate: '1993-05-02', sex: 'female' })
    const withPayment = read.eobs.find((e) => (e.paymentCents ?? 0) > 0)
    expect(withPayment).toBeDefined()
    expect(read.issues.some((i) => i.severity === 'warning' && i.resourceType === 'ExplanationOfBenefit' && /fractions of a cent/.test(i.message))).toBe(true)
  })

  it('reads conditions and diagnoses that reference them', () => {
    const read = readFhirBundle(load('Georgianne697_Jerde200_ebf0d007-a52f-5364-5c32-2ba094b88f16.json'))
    const conditionIds = new Set(read.conditions.map((c) => c.id))
    const withDiagnosis = read.claims.filter((c) => c.diagnoses.length > 0)
    expect(withDiagnosis.length).toBeGreaterThan(0)
    for (const claim of withDiagnosis) {
      for (const d of claim.diagnoses) expect(d.conditionRef?.kind === 'local' && conditionIds.has(d.conditionRef.id)).toBe(true)
    }
    expect(read.procedures[0]).toMatchObject({ code: { system: 'http://snomed.info/sct', code: '40701008' }, performedDate: '1983-08-02' })
  })
})

describe('Synthea quirks the reader surfaces rather than hides', () => {
  it("a claim's total is more than its item nets: the encounter item carries no net", () => {
    const read = readFhirBundle(load('Assunta351_Dickens475_3d195286-ce77-f5b3-b64f-3eacfb9c273e.json'))
    for (const claim of read.claims) expect(claim.totalCents ?? 0).toBeGreaterThan(claim.items.reduce((s, i) => s + i.netCents, 0))
  })

  it('pharmacy claims have no EOB (Georgianne697: 74 claims, 71 EOBs)', () => {
    const read = readFhirBundle(load('Georgianne697_Jerde200_ebf0d007-a52f-5364-5c32-2ba094b88f16.json'))
    const explained = new Set(read.eobs.flatMap((e) => (e.claimRef?.kind === 'local' ? [e.claimRef.id] : [])))
    expect(read.claims.filter((c) => !explained.has(c.id)).map((c) => c.type)).toEqual(['pharmacy', 'pharmacy', 'pharmacy'])
  })
})

describe('readFhirBundle on malformed input', () => {
  const errorsOf = (json: unknown) => {
    const read = readFhirBundle(json)
    return read.issues.filter((i) => i.severity === 'error')
  }

  it.each([null, 'a string', 42, [], {}, { resourceType: 'Patient' }])('reports %j as not a bundle, without throwing', (json) => {
    expect(errorsOf(json)).toEqual([expect.objectContaining({ entry: null })])
  })

  it('reports a bundle with no entry', () => {
    expect(errorsOf({ resourceType: 'Bundle', type: 'collection' })).toHaveLength(1)
  })

  it('reports an entry without a resource by its index and reads the rest', () => {
    const read = readFhirBundle({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ request: { method: 'DELETE', url: 'Patient/1' } }, { resource: { resourceType: 'Patient', id: 'p1', gender: 'male' } }, 'junk'],
    })
    expect(read.issues.filter((i) => i.severity === 'error').map((i) => i.entry)).toEqual([0, 2])
    expect(read.patients).toEqual([{ id: 'p1', name: '', birthDate: null, sex: 'male', memberIds: [] }])
  })

  it('reports a Claim whose total is a string, and leaves it out', () => {
    const read = readFhirBundle({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Claim', id: 'c1', status: 'active', total: { value: '12.50', currency: 'USD' } } },
        { resource: { resourceType: 'Claim', id: 'c2', status: 'active', total: { value: 12.5, currency: 'USD' } } },
      ],
    })
    expect(read.issues).toEqual([expect.objectContaining({ severity: 'error', entry: 0, resourceType: 'Claim', path: 'total.value' })])
    expect(read.claims.map((c) => [c.id, c.totalCents])).toEqual([['c2', 1250]])
  })

  it('reports a note whose data is not base64 as a warning, not a crash', () => {
    const read = readFhirBundle({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'DocumentReference', id: 'd1', content: [{ attachment: { contentType: 'text/plain', data: '@@not base64@@' } }] } }],
    })
    expect(read.notes).toEqual([])
    expect(read.issues).toEqual([expect.objectContaining({ severity: 'warning', entry: 0 })])
  })

  it('warns on a non-USD amount and a date that is not a date', () => {
    const read = readFhirBundle({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: { resourceType: 'Claim', id: 'c1', status: 'active', billablePeriod: { start: 'yesterday' }, total: { value: 10, currency: 'EUR' } } }],
    })
    expect(read.claims[0]).toMatchObject({ totalCents: 1000, serviceDate: null })
    expect(read.issues.map((i) => i.path).sort()).toEqual(['billablePeriod.start', 'total'])
  })
})
