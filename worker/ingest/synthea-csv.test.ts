import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readCsv } from './csv'
import { readSyntheaClaims, syntheaClaimBalance } from './synthea-csv'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/synthea/${name}`, import.meta.url), 'utf8')
const claimsCsv = fixture('claims.csv')
const transactionsCsv = fixture('claims_transactions.csv')

const CLAIMS_HEADER =
  'Id,PATIENTID,PROVIDERID,PRIMARYPATIENTINSURANCEID,SECONDARYPATIENTINSURANCEID,SERVICEDATE,STATUS1,STATUS2,STATUSP'
const TX_HEADER = 'ID,CLAIMID,CHARGEID,PATIENTID,TYPE,AMOUNT,METHOD,PROCEDURECODE,UNITS,PAYMENTS,ADJUSTMENTS,TRANSFERS,OUTSTANDING'

describe('readSyntheaClaims on the Synthea export', () => {
  const read = readSyntheaClaims(claimsCsv, transactionsCsv)

  it('reads all 1,267 claims with no issues', () => {
    expect(read.issues).toEqual([])
    expect(read.claims).toHaveLength(1267)
    expect(new Set(read.claims.map((c) => c.claimId)).size).toBe(1267)
  })

  it('joins every transaction: each CHARGE row is a line, and charges add up to the file', () => {
    const tx = readCsv(transactionsCsv)
    if (!tx.ok) throw new Error(tx.message)
    const [header, ...rows] = tx.records
    const col = (name: string) => header?.fields.indexOf(name) ?? -1
    const charges = rows.filter((r) => r.fields[col('TYPE')] === 'CHARGE')
    expect(rows).toHaveLength(5228)
    expect(read.claims.reduce((n, c) => n + c.lines.length, 0)).toBe(charges.length)
    const centsOf = (text: string) => Math.round(Number(text) * 100)
    const fileCharges = charges.reduce((s, r) => s + centsOf(r.fields[col('AMOUNT')] ?? ''), 0)
    expect(read.claims.reduce((s, c) => s + c.chargesCents, 0)).toBe(fileCharges)
  })

  it('reads a known claim: a charge transferred to the patient and paid in cash', () => {
    const claim = read.claims.find((c) => c.claimId === '9120543f-28b9-96ae-09eb-d54f6d918234')
    expect(claim).toEqual({
      claimId: '9120543f-28b9-96ae-09eb-d54f6d918234',
      patientId: '3edac2e3-d223-6fae-d515-daf96ef6bc76',
      providerId: '2d85c411-b7bb-3133-8903-276c2e31f452',
      payerId: '42c4fca7-f8a9-3cd1-982a-dd9751bf3e2a',
      serviceDate: '2023-01-27',
      status: 'CLOSED',
      chargesCents: 7749,
      paymentsCents: 7749,
      adjustmentsCents: 0,
      transferredCents: 7749,
      outstandingCents: 0,
      lines: [{ chargeId: 0, code: '185345009', units: 1, chargeCents: 7749, paymentCents: 7749, adjustmentCents: 0, transferredCents: 7749, outstandingCents: 0 }],
    })
  })

  it('keeps SNOMED/CVX codes as in the file and reads uninsured claims as no payer', () => {
    expect(read.claims.every((c) => c.lines.every((l) => /^\d+$/.test(l.code)))).toBe(true)
    expect(read.claims.filter((c) => c.payerId === null)).toHaveLength(216)
    expect(read.claims.filter((c) => c.status === 'BILLED')).toHaveLength(2)
  })

  it('balances charges = payments + adjustments + outstanding, except the 190 claims overpaid by a copay', () => {
    const unbalanced = read.claims.filter((c) => !syntheaClaimBalance(c).balanced)
    expect(unbalanced).toHaveLength(190)
    expect(unbalanced.length / read.claims.length).toBeCloseTo(0.15, 2)
    // Every one is an overpayment: more paid than charged, with nothing left outstanding.
    for (const claim of unbalanced) {
      expect(claim.paymentsCents).toBeGreaterThan(claim.chargesCents)
      expect(claim.outstandingCents).toBe(0)
    }
  })

  it('counts transfers apart: adding them to the balance would count the moved balance twice', () => {
    const withTransfers = read.claims.filter((c) => c.chargesCents === c.paymentsCents + c.adjustmentsCents + c.transferredCents + c.outstandingCents)
    expect(withTransfers.length).toBeLessThan(300)
    expect(read.claims.some((c) => c.transferredCents > 0)).toBe(true)
  })
})

describe('readSyntheaClaims on bad rows', () => {
  const claims = [
    CLAIMS_HEADER,
    'c1,p1,pr1,pay1,0,2024-01-02T10:00:00Z,CLOSED,,CLOSED',
    'c2,,pr1,0,0,2024-01-03T10:00:00Z,CLOSED,,CLOSED',
    'c3,p1,pr1,0,0,yesterday,CLOSED,,CLOSED',
    'c1,p1,pr1,pay1,0,2024-01-02T10:00:00Z,CLOSED,,CLOSED',
    'c4,p1,pr1,0,0,2024-01-04T10:00:00Z,BILLED,,BILLED',
  ].join('\n')

  it('gives an issue per bad row and reads the good ones', () => {
    const transactions = [
      TX_HEADER,
      't1,c1,0,p1,CHARGE,100.00,,99213,1,,,,',
      't2,c1,1,p1,PAYMENT,,CHECK,99213,1,60.50,,,39.50',
      't3,c1,2,p1,REFUND,5.00,,99213,1,,,,',
      't4,c1,3,p1,PAYMENT,,CASH,99213,1,ten dollars,,,',
      't5,c1,4,p1,CHARGE,,,99214,1,,,,',
      't6,c9,0,p1,CHARGE,10.00,,99213,1,,,,',
      't7,c4,0,p1,CHARGE,25.10,,99213,2,,,,',
    ].join('\n')
    const read = readSyntheaClaims(claims, transactions)
    expect(read.claims.map((c) => c.claimId)).toEqual(['c1', 'c4'])
    expect(read.claims[0]).toMatchObject({ chargesCents: 10_000, paymentsCents: 6_050, outstandingCents: 3_950, serviceDate: '2024-01-02', payerId: 'pay1' })
    expect(read.claims[1]).toMatchObject({ chargesCents: 2_510, outstandingCents: 2_510, payerId: null, status: 'BILLED', lines: [expect.objectContaining({ units: 2 })] })
    expect(read.issues).toEqual([
      { file: 'claims_transactions.csv', line: 4, message: expect.stringMatching(/TYPE/) },
      { file: 'claims_transactions.csv', line: 5, message: expect.stringMatching(/PAYMENTS: 'ten dollars'/) },
      { file: 'claims_transactions.csv', line: 6, message: 'a CHARGE row without AMOUNT' },
      { file: 'claims.csv', line: 3, message: 'no patient id' },
      { file: 'claims.csv', line: 4, message: 'SERVICEDATE is not a date' },
      { file: 'claims.csv', line: 5, message: 'claim c1 appears twice' },
      { file: 'claims_transactions.csv', line: 7, message: expect.stringMatching(/claim c9, which is not in claims.csv/) },
    ])
  })

  it('reports a transaction before any charge, a missing column and a broken CSV, without throwing', () => {
    const before = readSyntheaClaims(claims, [TX_HEADER, 't1,c4,0,p1,PAYMENT,,CASH,99213,1,5.00,,,0.00'].join('\n'))
    expect(before.issues).toContainEqual({ file: 'claims_transactions.csv', line: 2, message: 'a PAYMENT before any CHARGE of claim c4' })
    expect(before.issues).toContainEqual({ file: 'claims.csv', line: 2, message: 'claim c1 has no transactions' })

    const noColumn = readSyntheaClaims('Id,PATIENTID\nc1,p1', TX_HEADER)
    expect(noColumn.issues).toEqual([{ file: 'claims.csv', line: 1, message: expect.stringMatching(/missing column\(s\): PROVIDERID/) }])
    expect(noColumn.claims).toEqual([])

    const broken = readSyntheaClaims(claims, `${TX_HEADER}\nt1,"c1,0`)
    expect(broken.issues[0]).toMatchObject({ file: 'claims_transactions.csv', message: expect.stringMatching(/never closed/) })
    expect(readSyntheaClaims('', '').issues).toHaveLength(2)
  })
})
