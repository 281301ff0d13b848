import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { read999 } from './read-999'

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${path}`, import.meta.url)))

describe('read999', () => {
  it('reads AK1, each AK2 with its IK3/IK4 errors and IK5 status, and AK9', () => {
    const r = read999(fixture('SampleEdiFiles/Acknowledgments/_999/DHS_Wisconsin_Sample.txt'))
    expect(r.issues).toEqual([])
    const ack = r.acknowledgements[0]!
    expect(ack.acknowledgedGroupControlNumber).toBe('17456')
    expect(ack.groupStatus).toBe('P')
    expect(ack.transactions).toEqual([
      { controlNumber: '0001', status: 'A', errors: [] },
      {
        controlNumber: '002',
        status: 'R',
        errors: [
          { segmentId: 'CLM', position: 22, code: '8' },
          { segmentId: 'CLM', position: 22, code: '1' },
        ],
      },
      { controlNumber: '0003', status: 'R', errors: [{ segmentId: 'REF', position: 57, code: '3' }] },
    ])
  })

  it('gives an issue, not a crash, for the TA1 files', () => {
    for (const path of ['TechnicalAcknowledgment_Sample1.txt', 'TechnicalAcknowledgment_SampleFromJeffN825.txt']) {
      const r = read999(fixture(`SampleEdiFiles/Acknowledgments/${path}`))
      expect(r.ok).toBe(false)
      expect(r.acknowledgements).toEqual([])
      expect(r.issues).toEqual([{ segment: 2, message: 'no 999 transaction set (found a TA1 interchange acknowledgement)' }])
    }
  })

  it('reads a 4010 997 with AK3/AK4/AK5 the same way', () => {
    const text = [
      'ISA*00*          *00*          *ZZ*A              *ZZ*B              *040101*1200*U*00401*000000001*0*P*:~',
      'GS*FA*A*B*20040101*1200*1*X*004010~ST*997*1~AK1*HC*5~AK2*837*0001~AK3*NM1*8**8~AK4*3**1~AK5*R*5~AK9*R*1*1*0~SE*8*1~GE*1*1~IEA*1*000000001~',
    ].join('')
    const r = read999(text)
    expect(r.issues).toEqual([])
    expect(r.acknowledgements[0]).toMatchObject({
      acknowledgedGroupControlNumber: '5',
      groupStatus: 'R',
      transactions: [{ controlNumber: '0001', status: 'R', errors: [{ segmentId: 'NM1', position: 8, code: '8' }, { segmentId: 'NM1', position: 8, code: '1' }] }],
    })
  })
})
