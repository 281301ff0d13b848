import { describe, expect, it } from 'vitest'
import { detectedText } from '../detectors/detected.test-helper'
import { detectCuedNames } from './cued-names'

const names = (text: string) => detectedText(text, detectCuedNames(text))

describe('detectCuedNames', () => {
  it.each([
    ['Mr. Okafor reports', 'Okafor'],
    ['seen by Dr. Anna M. Lee today', 'Anna M. Lee'],
    ['Mrs Haddad called', 'Haddad'],
    ['Patient: Smith, John   DOB: 1/1/1950', 'Smith, John'],
    ['Name: Thaddeus Vandermeer', 'Thaddeus Vandermeer'],
    ['PATIENT NAME: GARCIA, MARIA', 'GARCIA, MARIA'],
    ['Electronically signed by Kiara Quispe, NP', 'Kiara Quispe'],
    ['seen with her daughter Mary', 'Mary'],
    ['his son, Ezekiel, drove', 'Ezekiel'],
    ['Imani (sister) will drive her home', 'Imani'],
    ['Referred by Soren Lindqvist, NP.', 'Soren Lindqvist'],
    ["Siobhan O'Donnell, MD", "Siobhan O'Donnell"],
    ['She last saw Rafferty Achterberg in May', 'Rafferty Achterberg'],
    ['spoke with Linda about the plan', 'Linda'],
    ['DR. OKAFOR', 'OKAFOR'],
    ['Contact sister (Emeka) at 555-0100', 'Emeka'],
    ["Collateral from Zainab (patient's caregiver)", 'Zainab'],
    ["Pt's HCP is Tadeo Przybylski, reachable", 'Tadeo Przybylski'],
    ['Chart reviewed with Kiara Rosenthal (attending).', 'Kiara Rosenthal'],
    ["Her husband's name is Siobhan.", 'Siobhan'],
    ['Pt prefers to be called "Bea".', 'Bea'],
    ["Per Achterberg's note from May, A1c was 8.4.", 'Achterberg'],
    ['Daughter-in-law Ximena Mwangi (cell)', 'Ximena Mwangi'],
    ['Home health RN Zainab visits twice weekly.', 'Zainab'],
    ['Spoke to pharmacist Thaddeus at the pharmacy', 'Thaddeus'],
    ['Prescription called in by Keanu Desrosiers on 2/22.', 'Keanu Desrosiers'],
  ])('%j', (text, expected) => {
    expect(names(text)).toContain(expected)
  })

  it.each([
    'Patient denies chest pain.',
    'Patient: Denies chest pain.',
    'CC: SOB on exertion',
    'Dr. on call was paged',
    'with Chronic Kidney Disease stage 3',
    'discussed with Cardiology',
    'her daughter has diabetes',
    'Austin, TX 78701',
    'DR OU, MR Severe',
    "Children's clinic and Today's note",
    'named after the street',
    'pneumonia caused by Streptococcus pneumoniae',
    'RN Assessment completed; nurse Practitioner visit',
  ])('finds no name in %j', (text) => {
    expect(names(text)).toEqual([])
  })
})
