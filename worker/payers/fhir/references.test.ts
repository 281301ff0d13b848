import { describe, expect, it } from 'vitest'
import { buildReferenceIndex, resolveReference } from './references'

const index = buildReferenceIndex([
  { fullUrl: 'urn:uuid:1111', target: { type: 'Patient', id: '1111', identifiers: [] } },
  {
    target: { type: 'Organization', id: 'org-1', identifiers: [{ system: 'https://github.com/synthetichealth/synthea', value: 'abc' }] },
  },
])

describe('resolveReference', () => {
  it('resolves urn:uuid fullUrls and Type/id, relative or absolute', () => {
    expect(resolveReference('urn:uuid:1111', index)).toEqual({ kind: 'local', raw: 'urn:uuid:1111', type: 'Patient', id: '1111' })
    expect(resolveReference('Patient/1111', index)).toMatchObject({ kind: 'local', id: '1111' })
    expect(resolveReference('https://x.example/fhir/Patient/1111', index)).toMatchObject({ kind: 'local', id: '1111' })
  })

  it('resolves a conditional reference whose identifier is in the bundle', () => {
    expect(resolveReference('Organization?identifier=https://github.com/synthetichealth/synthea|abc', index)).toMatchObject({
      kind: 'local',
      type: 'Organization',
      id: 'org-1',
    })
  })

  it('keeps a conditional reference to a resource not in the bundle, with its system and value', () => {
    expect(resolveReference('Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999941999', index)).toEqual({
      kind: 'conditional',
      raw: 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999941999',
      type: 'Practitioner',
      system: 'http://hl7.org/fhir/sid/us-npi',
      value: '9999941999',
    })
  })

  it('tells contained and external references apart', () => {
    expect(resolveReference('#coverage', index)).toEqual({ kind: 'contained', raw: '#coverage', id: 'coverage' })
    expect(resolveReference('Patient/other', index)).toEqual({ kind: 'external', raw: 'Patient/other', type: 'Patient', id: 'other' })
    expect(resolveReference('urn:uuid:9999', index)).toEqual({ kind: 'external', raw: 'urn:uuid:9999' })
  })
})
