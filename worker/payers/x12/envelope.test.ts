import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readInterchanges } from './envelope'

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)))

const ISA = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000007*0*P*:~'
const body = ['GS*HC*S*R*20260102*0930*42*X*005010X222A1', 'ST*837*0001*005010X222A1', 'BHT*0019*00*1*20260102*0930*CH', 'SE*3*0001', 'GE*1*42', 'IEA*1*000000007']
const file = (segments: string[]) => `${ISA}\n${segments.map((s) => `${s}~`).join('\n')}`

describe('readInterchanges', () => {
  it('returns each transaction set with its envelope and segments, and no issues when the counts agree', () => {
    const x = readInterchanges(file(body))
    expect(x.issues).toEqual([])
    expect(x.versions).toEqual(['00501'])
    expect(x.transactions).toHaveLength(1)
    const t = x.transactions[0]
    expect(t?.type).toBe('837')
    expect(t?.functionalId).toBe('HC')
    expect(t?.complete).toBe(true)
    expect(t?.segments.map((s) => s.id)).toEqual(['ST', 'BHT', 'SE'])
    expect(t?.envelope).toEqual({
      senderId: 'SENDER',
      receiverId: 'RECEIVER',
      interchangeControlNumber: '000000007',
      groupControlNumber: '42',
      transactionControlNumber: '0001',
      implementationGuide: '005010X222A1',
      createdAt: '2026-01-02T09:30:00Z',
      usage: 'P',
    })
  })

  it('checks SE01, SE02, GE01, GE02, IEA01 and IEA02, each on its trailer position', () => {
    const x = readInterchanges(file(['GS*HC*S*R*20260102*0930*42*X*005010X222A1', 'ST*837*0001', 'BHT*0019', 'SE*9*0002', 'GE*2*43', 'IEA*3*000000008']))
    expect(x.issues.map((i) => [i.segment, i.segmentId])).toEqual([
      [5, 'SE'],
      [5, 'SE'],
      [6, 'GE'],
      [6, 'GE'],
      [7, 'IEA'],
      [7, 'IEA'],
    ])
    expect(x.issues[0]?.message).toBe('SE01 says 9 segments, the transaction set has 3')
    expect(x.transactions).toHaveLength(1)
  })

  it('takes the guide from GS08 when ST03 is absent (4010) and the date from ISA09 when GS04 is not a date', () => {
    const x = readInterchanges(fixture('SampleEdiFiles/INS/_837P/_4010/Spec_4.1.2_PatientIsNotSubscriber.txt'))
    expect(x.transactions[0]?.envelope.implementationGuide).toBe('004010X098A1')
    expect(x.transactions[0]?.envelope.createdAt).toBe('1993-06-02T12:53:00Z')
    expect(x.issues).toEqual([])
  })

  it('still returns a truncated transaction set, marked incomplete, with issues at the last segment', () => {
    const x = readInterchanges(fixture('SampleEdiFiles/INS/_277/_5010/FromBogeyone.txt'))
    expect(x.transactions[0]?.complete).toBe(false)
    expect(x.transactions[0]?.segments.length).toBe(8)
    expect(x.issues.map((i) => i.message)).toEqual([
      'transaction set 0001 has no SE (file truncated?)',
      'functional group 203263 has no GE (file truncated?)',
      'interchange 000203263 has no IEA (file truncated?)',
    ])
    expect(x.issues.every((i) => i.segment === 10)).toBe(true)
  })

  it('keeps TA1 segments, which sit outside any group', () => {
    const x = readInterchanges(fixture('SampleEdiFiles/Acknowledgments/TechnicalAcknowledgment_Sample1.txt'))
    expect(x.transactions).toEqual([])
    expect(x.technicalAcknowledgements.map((s) => s.elements[0])).toEqual(['0659', '0660'])
    expect(x.issues).toEqual([])
  })

  it('reports the sample whose IEA02 does not repeat its ISA13', () => {
    const x = readInterchanges(fixture('SampleEdiFiles/INS/_277/_5010/FromLatitude81uk.txt'))
    expect(x.issues).toEqual([{ segment: 31, segmentId: 'IEA', message: 'IEA02 000000002 does not match ISA13 43434343' }])
  })
})
