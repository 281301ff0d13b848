import { describe, expect, it } from 'vitest'
import type { ClaimInput } from '../contracts'
import { parseClaimsCsv } from './claims-csv'
import { writeClaimsCsv } from './write-claims-csv'

const HEADER = 'claim_number,payer_id,payer_name,service_date,diagnosis_codes,procedure_code,modifiers,units,charge,diagnosis_pointers'

describe('parseClaimsCsv', () => {
  it('groups rows by claim number into claims with their lines', () => {
    const text = [
      HEADER,
      'A-1,00430,Medicare Part B,2026-03-02,E11.9;I10,99213,25,1,$125.00,1;2',
      'B-7,60054,Aetna,2026-03-03,J06.9,99212,,,80,',
      'A-1,00430,Medicare Part B,2026-03-02,E11.9;I10,83036,,1,"$1,030.29",1',
    ].join('\r\n')
    const result = parseClaimsCsv(text)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.claims).toEqual([
      {
        claimNumber: 'A-1',
        payer: { id: '00430', name: 'Medicare Part B' },
        serviceDate: '2026-03-02',
        placeOfService: '11',
        diagnoses: ['E119', 'I10'],
        lines: [
          { procedureCode: '99213', modifiers: ['25'], units: 1, chargeCents: 12_500, diagnosisPointers: [1, 2] },
          { procedureCode: '83036', modifiers: [], units: 1, chargeCents: 103_029, diagnosisPointers: [1] },
        ],
      },
      {
        claimNumber: 'B-7',
        payer: { id: '60054', name: 'Aetna' },
        serviceDate: '2026-03-03',
        placeOfService: '11',
        diagnoses: ['J069'],
        lines: [{ procedureCode: '99212', modifiers: [], units: 1, chargeCents: 8_000, diagnosisPointers: [1] }],
      },
    ])
  })

  it('accepts headers in any case and order', () => {
    const text = 'CHARGE,Procedure_Code,Diagnosis_Codes,Service_Date,Payer_Name,Payer_ID,Claim_Number\n10,99211,Z00.00,2026-01-05,Cigna,62308,C-1\n'
    expect(parseClaimsCsv(text)).toMatchObject({ ok: true, claims: [{ claimNumber: 'C-1', lines: [{ chargeCents: 1_000 }] }] })
  })

  it('reports missing and unknown columns', () => {
    const text = 'claim_number,payer_id,payer_name,service_date,diagnosis_codes,procedure_code,chrge\nA,1,P,2026-01-01,I10,99213,10\n'
    expect(parseClaimsCsv(text)).toEqual({
      ok: false,
      errors: [
        { where: 'row 1, column 7', message: "unknown column 'chrge'" },
        { where: 'row 1', message: "missing required column 'charge'" },
      ],
    })
  })

  it('says the file has no claim rows when it is empty or only a header', () => {
    const noRows = { ok: false, errors: [{ where: 'file', message: 'the file has no claim rows' }] }
    expect(parseClaimsCsv('')).toEqual(noRows)
    expect(parseClaimsCsv(`${HEADER}\r\n\r\n`)).toEqual(noRows)
  })

  it('says where a cell is wrong', () => {
    const text = `${HEADER}\nA,1,P,2026-01-01,I10,99213,,1,12.345,1\nB,1,P,2026-01-01,I10,9921,,x,12,1\n`
    const result = parseClaimsCsv(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.where)).toEqual(['row 2, column charge', 'row 3, column units'])
  })

  it('maps contract violations to the row and column of the line', () => {
    const text = `${HEADER}\nA,1,P,2026-01-01,I10,99213,,1,10,1\nA,1,P,2026-01-01,I10,9921,,1,10,1\n`
    const result = parseClaimsCsv(text)
    expect(result).toEqual({
      ok: false,
      errors: [{ where: 'row 3, column procedure_code', message: "'9921' is not shaped like a CPT or HCPCS code" }],
    })
  })

  it('requires the claim-level columns to agree across a claim', () => {
    const text = `${HEADER}\nA,1,Medicare,2026-01-01,I10,99213,,1,10,1\nA,2,Medicare,2026-01-02,I10,36415,,1,10,1\n`
    const result = parseClaimsCsv(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.where)).toEqual(['row 3, column payer_id', 'row 3, column service_date'])
    expect(result.errors[0]?.message).toContain('every row of claim A must have the same payer_id')
  })

  it('caps the errors it reports', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `C${i},1,P,2026-01-01,I10,99213,,1,oops,1`)
    const result = parseClaimsCsv([HEADER, ...rows].join('\n'))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(51)
    expect(result.errors[50]).toEqual({ where: 'file', message: 'and 10 more' })
  })
})

describe('writeClaimsCsv', () => {
  it('round-trips through parseClaimsCsv', () => {
    const claims: ClaimInput[] = [
      {
        claimNumber: 'X, "quoted"',
        payer: { id: 'BCBS-01', name: 'Blue Cross, Blue Shield' },
        serviceDate: '2026-02-28',
        placeOfService: '22',
        diagnoses: ['M545', 'E119', 'Z23'],
        lines: [
          { procedureCode: '99214', modifiers: ['25'], units: 1, chargeCents: 18_999, diagnosisPointers: [1, 2] },
          { procedureCode: '20610', modifiers: ['RT', 'LT'], units: 2, chargeCents: 1, diagnosisPointers: [1] },
          { procedureCode: 'J1885', modifiers: [], units: 4, chargeCents: 100_000_000, diagnosisPointers: [3, 2, 1] },
        ],
      },
    ]
    expect(parseClaimsCsv(writeClaimsCsv(claims))).toEqual({ ok: true, claims })
  })
})

describe('parseClaimsCsv with patient columns', () => {
  const header = 'claim_number,payer_id,payer_name,service_date,diagnosis_codes,procedure_code,charge,patient_first_name,patient_last_name,patient_dob,patient_sex,member_id,note'

  it('reads the patient and the note', () => {
    const parsed = parseClaimsCsv(`${header}\nC-1,P1,Payer,2026-11-02,I10,99213,120.00,Ada,Quillfeather,1961-04-09,f,XQZ4481290,"Denies chest pain, BP 150/95"\n`)
    expect(parsed).toMatchObject({
      ok: true,
      claims: [{ patient: { firstName: 'Ada', lastName: 'Quillfeather', dateOfBirth: '1961-04-09', sex: 'F', memberId: 'XQZ4481290' }, note: 'Denies chest pain, BP 150/95' }],
    })
  })

  it('never quotes patient values back in its errors', () => {
    const mismatch = parseClaimsCsv(`${header}\nC-1,P1,Payer,2026-11-02,I10,99213,120.00,Ada,Quillfeather,1961-04-09,F,XQZ4481290,\nC-1,P1,Payer,2026-11-02,I10,99214,90.00,Ada,Quillfeathers,1961-04-09,F,XQZ4481290,\n`)
    const badDate = parseClaimsCsv(`${header}\nC-2,P1,Payer,2026-11-02,I10,99213,120.00,Ada,Quillfeather,09/04/1961,F,XQZ4481290,\n`)
    expect(mismatch.ok).toBe(false)
    expect(badDate.ok).toBe(false)
    const text = JSON.stringify([mismatch, badDate])
    expect(text).toContain('patient_last_name')
    expect(text).toContain('patient_dob')
    for (const phi of ['Quillfeather', '09/04/1961', 'Ada', 'XQZ4481290']) expect(text).not.toContain(phi)
  })

  it('asks for the rest of the patient when only part is given', () => {
    const bad = parseClaimsCsv(`${header}\nC-1,P1,Payer,2026-11-02,I10,99213,120.00,Ada,,,,,\n`)
    expect(bad).toMatchObject({ ok: false, errors: expect.arrayContaining([{ where: 'row 2, column patient_last_name', message: 'is required with the other patient columns' }]) })
  })
})
