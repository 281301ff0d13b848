import { describe, expect, it } from 'vitest'
import { testEnvelope } from './test-claims'
import { X12SegmentWriter, padControlNumber } from './x12-writer'

function envelopeOnly(w: X12SegmentWriter, env = testEnvelope()) {
  return w.beginInterchange(env).beginGroup('HC', env).beginTransaction('837', env)
}

describe('X12SegmentWriter segments', () => {
  it('joins elements and components, dropping trailing empty ones', () => {
    const w = envelopeOnly(new X12SegmentWriter({ newline: false }))
    w.segment('SV1', ['HC', '99213', '25', undefined], '125', 'UN', '1', undefined, undefined, ['1', '2'], undefined, '')
    w.segment('SBR', 'P', '18', undefined, undefined, undefined, undefined, undefined, undefined, 'CI')
    w.endTransaction().endGroup().endInterchange()
    const result = w.finish()
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.text).toContain('~SV1*HC:99213:25*125*UN*1***1:2~SBR*P*18*******CI~')
    expect(result.text).toContain('~SE*4*0001~')
  })

  it('refuses a value holding any delimiter, naming the element but not the value', () => {
    for (const bad of ['SMITH*JONES', 'A:B', 'A^B', 'A~B']) {
      const w = envelopeOnly(new X12SegmentWriter())
      w.segment('NM1', 'IL', '1', bad)
      w.segment('N3', 'never written')
      const result = w.finish()
      expect(result).toMatchObject({ ok: false, reason: 'delimiter-in-value', segmentId: 'NM1', element: 3 })
      if (!result.ok) expect(result.message).not.toContain(bad)
    }
  })

  it('refuses delimiters inside a composite component and non-ASCII characters', () => {
    expect(envelopeOnly(new X12SegmentWriter()).segment('SV1', ['HC', '99*13']).finish()).toMatchObject({ ok: false, reason: 'delimiter-in-value', element: 1 })
    expect(envelopeOnly(new X12SegmentWriter()).segment('NM1', 'IL', '1', 'NÚÑEZ').finish()).toMatchObject({ ok: false, reason: 'invalid-character' })
    expect(envelopeOnly(new X12SegmentWriter()).segment('NM1', 'IL', '1', 'A\nB').finish()).toMatchObject({ ok: false, reason: 'invalid-character' })
  })

  it('uses the delimiters it is given, so a value may hold the default ones', () => {
    const delimiters = { element: '|', component: '>', repetition: '!', terminator: '\n', newline: false }
    const env = testEnvelope()
    const w = new X12SegmentWriter(delimiters).beginInterchange(env).beginGroup('HC', env).beginTransaction('837', env)
    w.segment('NM1', 'IL', '1', 'STAR*NAME')
    const result = w.endTransaction().endGroup().endInterchange().finish()
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const lines = result.text.split('\n')
    expect(lines[0]).toHaveLength(105)
    expect(lines[0]!.endsWith('|!|00501|000000001|0|T|>')).toBe(true)
    expect(lines).toContain('NM1|IL|1|STAR*NAME')
  })
})

describe('X12SegmentWriter envelope', () => {
  it('writes an ISA of exactly 106 characters whatever the id lengths', () => {
    for (const [senderId, receiverId] of [['A', 'B'], ['CLAIMPAYTEST', 'FAKECLEARING'], ['123456789012345', '543210987654321']]) {
      const env = testEnvelope({ senderId: senderId!, receiverId: receiverId!, interchangeControlNumber: '42' })
      const result = new X12SegmentWriter({ newline: false }).beginInterchange(env).beginGroup('HC', env).endGroup().endInterchange().finish()
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const isa = result.text.slice(0, result.text.indexOf('~') + 1)
      expect(isa).toHaveLength(106)
      expect(isa.slice(103, 106)).toBe('*:~')
      expect(isa).toContain('*000000042*0*T*')
      expect(result.text.endsWith('IEA*1*000000042~')).toBe(true)
    }
  })

  it('refuses an id longer than its ISA field and a control number that is not nine digits at most', () => {
    const w = new X12SegmentWriter()
    expect(w.beginInterchange(testEnvelope({ senderId: '1234567890123456' })).finish()).toMatchObject({ ok: false, reason: 'invalid-envelope', element: 6 })
    expect(new X12SegmentWriter().beginInterchange(testEnvelope({ interchangeControlNumber: '1234567890' })).finish()).toMatchObject({ ok: false, reason: 'invalid-control-number' })
    expect(new X12SegmentWriter().beginInterchange(testEnvelope({ interchangeControlNumber: '12a' })).finish()).toMatchObject({ ok: false, reason: 'invalid-control-number' })
    expect(new X12SegmentWriter().beginInterchange(testEnvelope({ createdAt: 'yesterday' })).finish()).toMatchObject({ ok: false, reason: 'invalid-envelope' })
  })

  it('pads control numbers: ISA13 to nine digits, ST02 to at least four', () => {
    expect(padControlNumber('1', 9)).toBe('000000001')
    expect(padControlNumber(123456789, 9)).toBe('123456789')
    expect(padControlNumber('7', 4)).toBe('0007')
    expect(padControlNumber('12345', 4)).toBe('12345')
    expect(padControlNumber('-1', 4)).toBeUndefined()
  })

  it('counts ST to SE inclusive, transactions in GE and groups in IEA', () => {
    const env = testEnvelope({ transactionControlNumber: '17', groupControlNumber: '900' })
    const w = new X12SegmentWriter({ newline: false }).beginInterchange(env).beginGroup('HC', env)
    w.beginTransaction('837', env).segment('BHT', '0019').segment('NM1', '41').endTransaction()
    w.beginTransaction('837', { ...env, transactionControlNumber: '18' }).endTransaction()
    const result = w.endGroup().endInterchange().finish()
    expect(result.ok && result.text.split('~').slice(2)).toEqual(['ST*837*0017*005010X222A1', 'BHT*0019', 'NM1*41', 'SE*4*0017', 'ST*837*0018*005010X222A1', 'SE*2*0018', 'GE*2*900', 'IEA*1*000000001', ''])
  })

  it('refuses segments out of envelope order and an unclosed interchange', () => {
    const env = testEnvelope()
    expect(new X12SegmentWriter().beginGroup('HC', env).finish()).toMatchObject({ ok: false, reason: 'envelope-out-of-order', segmentId: 'GS' })
    expect(new X12SegmentWriter().beginInterchange(env).beginGroup('HC', env).endInterchange().finish()).toMatchObject({ ok: false, reason: 'envelope-out-of-order', segmentId: 'IEA' })
    expect(new X12SegmentWriter().beginInterchange(env).finish()).toMatchObject({ ok: false, reason: 'envelope-out-of-order' })
  })
})
