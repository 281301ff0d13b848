import type { Random } from '../../../generator/prng'
import type { NoteBuilder } from './annotated-note'
import { account, formatDate, formatPhone, mrn } from './identifier-values'
import type { NoteCast } from './people'

// The header and the signature around a note: where most identifiers of a real chart live.

type Frame = (b: NoteBuilder, cast: NoteCast, random: Random) => void

export const HEADERS: readonly Frame[] = [
  (b, c, r) => {
    const p = c.patient
    b.text('Patient: ').phi(p.lastName, 'NAME').text(', ').phi(p.firstName, 'NAME').text('   DOB: ').phi(formatDate(r, p.birthDate), 'DATE').text('   MRN: ').phi(mrn(r), 'MRN').text('\n')
    b.text('Member ID: ').phi(p.coverage.memberId, 'MEMBER_ID').text('   Acct #: ').phi(account(r), 'ACCOUNT').text('\n')
    b.text('Address: ').phi(p.address.line1, 'ADDRESS').text(', ').phi(p.address.city, 'CITY').text(`, ${p.address.state} `).phi(p.address.zip, 'ZIP').text('\n')
    b.text('Phone: ').phi(formatPhone(r), 'PHONE').text('\n')
    b.text('Date of service: ').phi(formatDate(r, c.serviceDate), 'DATE').text('\n')
  },
  (b, c, r) => {
    const p = c.patient
    b.text('Name: ').phi(p.firstName, 'NAME').text(' ').phi(p.lastName, 'NAME').text(` (${p.sex})  DOB `).phi(formatDate(r, p.birthDate), 'DATE').text('\n')
    b.text('Insurance ID ').phi(p.coverage.memberId, 'MEMBER_ID').text('  MR# ').phi(mrn(r), 'MRN').text('\n')
    b.phi(p.address.line1, 'ADDRESS').text('\n').phi(p.address.city, 'CITY').text(`, ${p.address.state} `).phi(p.address.zip, 'ZIP').text('\n')
    b.text('Visit ').phi(formatDate(r, c.serviceDate), 'DATE').text(' with ').phi(c.clinician.first, 'NAME').text(' ').phi(c.clinician.last, 'NAME').text(', MD\n')
  },
  (b, c, r) => {
    const p = c.patient
    b.text('PATIENT NAME: ').phi(p.lastName.toUpperCase(), 'NAME').text(', ').phi(p.firstName.toUpperCase(), 'NAME').text('\n')
    b.text('D.O.B.: ').phi(formatDate(r, p.birthDate), 'DATE').text('  Policy #: ').phi(p.coverage.memberId, 'MEMBER_ID').text('\n')
    b.text('DOS: ').phi(formatDate(r, c.serviceDate), 'DATE').text('  Provider: Dr. ').phi(c.clinician.first, 'NAME').text(' ').phi(c.clinician.last, 'NAME').text('\n')
  },
  (b, c, r) => {
    const p = c.patient
    b.text(`${formatDateLabel(r)} `).phi(formatDate(r, c.serviceDate), 'DATE').text('\n')
    b.text('Pt: ').phi(p.firstName, 'NAME').text(' ').phi(p.lastName, 'NAME').text(', ID: ').phi(p.coverage.memberId, 'MEMBER_ID').text('\n')
    b.text('Cell ').phi(formatPhone(r), 'PHONE').text(', home address ').phi(p.address.line1, 'ADDRESS').text(' ').phi(p.address.city, 'CITY').text(` ${p.address.state} `).phi(p.address.zip, 'ZIP').text('\n')
  },
]

const formatDateLabel = (random: Random) => random.pick(['Encounter date:', 'Visit date:', 'Seen:', 'DOS'])

export const SIGNATURES: readonly Frame[] = [
  (b, c, r) => b.text('\nElectronically signed by ').phi(c.clinician.first, 'NAME').text(' ').phi(c.clinician.last, 'NAME').text(', MD on ').phi(formatDate(r, c.serviceDate), 'DATE').text('\n'),
  (b, c) => b.text('\n').phi(c.clinician.first, 'NAME').text(' ').phi(c.clinician.last, 'NAME').text(', DO\n'),
  (b, c, r) => b.text('\nDictated by Dr. ').phi(c.clinician.last, 'NAME').text('; transcribed ').phi(formatDate(r, c.serviceDate), 'DATE').text('\n'),
  (b, c) => b.text('\nSigned: ').phi(c.clinician.first[0]!, 'NAME').text('. ').phi(c.clinician.last, 'NAME').text(', NP\n'),
]
