import { describe, expect, it } from 'vitest'
import { detectLabeledIds } from './labeled-ids'

const ids = (text: string) => detectLabeledIds(text).map((d) => [d.kind, text.slice(d.start, d.end)])

describe('detectLabeledIds', () => {
  it.each([
    ['MRN: 00482913', 'MRN', '00482913'],
    ['MR# 123-4567', 'MRN', '123-4567'],
    ['Medical Record Number 8812345', 'MRN', '8812345'],
    ['Member ID: W12 345 6789', 'MEMBER_ID', 'W12 345 6789'],
    ['Policy #: U87123456789', 'MEMBER_ID', 'U87123456789'],
    ['Subscriber ID 1EG4TE5MK72', 'MEMBER_ID', '1EG4TE5MK72'],
    ['Acct #: 55512345', 'ACCOUNT', '55512345'],
    ['Account No. A1234-99', 'ACCOUNT', 'A1234-99'],
    ["Driver's License # D1234567", 'LICENSE', 'D1234567'],
    ['VIN 1HGCM82633A004352', 'VEHICLE_ID', '1HGCM82633A004352'],
    ['Serial No. SN88123456', 'DEVICE_ID', 'SN88123456'],
    ['ID: 7781234', 'ID', '7781234'],
    ['Insurance: BCBS, subscriber # XKJ1, group 137038', 'MEMBER_ID', '137038'],
  ])('%j', (text, kind, value) => {
    expect(ids(text)).toContainEqual([kind, value])
  })

  it('leaves the label, and takes letters alone only in capitals and not a form word', () => {
    expect(ids('Member ID: pending')).toEqual([])
    expect(ids('Patient ID: PENDING')).toEqual([])
    expect(ids('Pt ID PVVCXKXD on wristband')).toContainEqual(['MRN', 'PVVCXKXD'])
  })

  it('reads a bare "group" as a group number only in talk of coverage', () => {
    expect(ids('the 18-44 age group 20-30% of cases')).toEqual([])
  })

  it('reads short labels only in capitals, so "id" in prose stays', () => {
    expect(ids('the id 12345 of the sample')).toEqual([])
    expect(ids('sn 12345')).toEqual([])
  })
})
