import type { Random } from '../../../generator/prng'
import type { NoteBuilder } from './annotated-note'
import { account, email, formatDate, formatPhone, ipv4, ipv6, license, monthYear, mrn, serial, ssn, url, vin, zip } from './identifier-values'
import type { NoteCast } from './people'

// Sentences that carry identifiers inside clinical prose. Each writes through the builder so the gold
// spans are exact. A name without a cue the detector could use is marked "uncued".

const digits = (random: Random, n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('')
const her = (c: NoteCast) => (c.patient.sex === 'F' ? 'Her' : 'His')

const mmdd = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
const alnum = (random: Random, n: number) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'[random.int(0, 33)]).join('')

type Template = (b: NoteBuilder, cast: NoteCast, random: Random) => void

const he = (cast: NoteCast) => (cast.patient.sex === 'F' ? 'her' : 'his')
const title = (cast: NoteCast) => (cast.patient.sex === 'F' ? 'Ms.' : 'Mr.')

export const IDENTIFIER_SENTENCES: readonly Template[] = [
  (b, c) => b.text(`Pt seen with ${he(c)} ${c.relative.relation} `).phi(c.relative.first, 'NAME').text(' who helps with medications.'),
  (b, c) => b.text(`${title(c)} `).phi(c.patient.lastName, 'NAME').text(' reports good adherence.'),
  (b, c, r) => b.text('Seen by Dr. ').phi(c.colleague.last, 'NAME').text(' on ').phi(formatDate(r, c.otherDate), 'DATE').text(' for the same complaint.'),
  (b, c, r) => b.text('Admitted ').phi(formatDate(r, c.otherDate), 'DATE').text(', discharged ').phi(formatDate(r, c.serviceDate), 'DATE').text('.'),
  (b, c, r) => b.text(`Spoke with ${he(c)} ${c.relative.relation}, `).phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text(', at ').phi(formatPhone(r), 'PHONE').text('.'),
  (b, c, r) => b.text('Records faxed to ').phi(formatPhone(r), 'PHONE').text('; copy sent to ').phi(email(r, c.patient.firstName, c.patient.lastName), 'EMAIL').text('.'),
  (b, _c, r) => b.text('Patient portal: ').phi(url(r), 'URL').text(' (login from ').phi(ipv4(r), 'IP').text(').'),
  (b, _c, r) => b.text('Pacemaker serial no. ').phi(serial(r), 'DEVICE_ID').text(' interrogated, normal function.'),
  (b, _c, r) => b.text('SSN ').phi(ssn(r), 'SSN').text(' verified at registration.'),
  (b, _c, r) => b.text('Prior records under MRN ').phi(mrn(r), 'MRN').text('.'),
  (b, _c, r) => b.text('Billing acct # ').phi(account(r), 'ACCOUNT').text(' updated.'),
  (b, c) => b.phi(c.patient.lastName, 'NAME').text("'s wife called about the refill."),
  (b, c) => b.phi(c.patient.firstName[0]!, 'NAME').text('. ').phi(c.patient.lastName, 'NAME').text(' consented to the procedure.'),
  (b, c) => b.text('Consent signed by ').phi(c.patient.lastName.toUpperCase(), 'NAME').text(', ').phi(c.patient.firstName.toUpperCase(), 'NAME').text('.'),
  (b, c, r) => b.text(`${c.patient.sex === 'F' ? 'She' : 'He'} last saw `).phi(c.colleague.first, 'NAME').text(' ').phi(c.colleague.last, 'NAME').text(' in ').phi(monthYear(r, c.otherDate), 'DATE').text('.'),
  (b, _c, r) => b.text('Driver license # ').phi(license(r), 'LICENSE').text(' on file; vehicle VIN ').phi(vin(r), 'VEHICLE_ID').text('.'),
  (b, _c, r) => b.text('Telehealth connection from ').phi(ipv6(r), 'IP').text(' dropped twice.'),
  (b, c, r) => b.text('Call back at ').phi(formatPhone(r), 'PHONE').text(' or email ').phi(email(r, c.relative.first, c.relative.last), 'EMAIL').text('.'),
  (b, c) => b.text(`Referred by `).phi(c.colleague.first, 'NAME').text(' ').phi(c.colleague.last, 'NAME').text(', NP.'),
  (b, c) => b.text('Lives at ').phi(c.patient.address.line1, 'ADDRESS').text(' with ').text(`${he(c)} ${c.relative.relation}.`),
  (b, c, r) => b.text('Next appointment on ').phi(formatDate(r, c.otherDate), 'DATE').text(` with Dr. `).phi(c.clinician.last, 'NAME').text('.'),
  (b, c) => b.phi(c.relative.first, 'NAME').text(` (${c.relative.relation}) will drive ${he(c) === 'her' ? 'her' : 'him'} home.`),
  (b, c) => b.text(`Pt's ${c.relative.relation} `).phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text(' is the emergency contact.'),
  // No cue at all: only the given-name list (or the claim's context) can catch this one.
  (b, c) => {
    const cue = c.relative.listed ? 'cued' : 'uncued'
    b.text('Plan reviewed; ').phi(c.relative.first, 'NAME', cue).text(' ').phi(c.relative.last, 'NAME', cue).text(' agrees to help at home.')
  },
  (b, c, r) => b.text(`DOB `).phi(formatDate(r, c.patient.birthDate), 'DATE').text(' confirmed with two identifiers.'),
  (b, c) => b.text('Member ID: ').phi(c.patient.coverage.memberId, 'MEMBER_ID').text(' active.'),
  // Written after a first tuning as held-out phrasings; looked at once, then tuned on like the rest.
  (b, c) => b.text(`${her(c)} grandson, `).phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text(', picks up prescriptions.'),
  (b, c, r) => b.text('Collateral obtained from ').phi(c.relative.first, 'NAME').text(` (patient's ${c.relative.relation}) by phone at `).phi(formatPhone(r), 'PHONE').text('.'),
  (b, c, r) => b.text(`Message left for ${c.patient.sex === 'F' ? 'Ms.' : 'Mr.'} `).phi(c.patient.lastName, 'NAME').text(' at ').phi(formatPhone(r), 'PHONE').text('.'),
  (b, c) => b.text("Pt's HCP is ").phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text(', reachable at ').phi(`${c.relative.first.toLowerCase()}.${c.relative.last[0]!.toLowerCase()}@example.org`, 'EMAIL').text('.'),
  (b, c) => b.text('Prior PCP: Dr ').phi(c.colleague.first, 'NAME').text(' ').phi(c.colleague.last, 'NAME').text(' in ').phi(c.patient.address.city, 'CITY').text(`, ${c.patient.address.state}.`),
  (b, c, r) => b.text('Was in the ED at Mercy on ').phi(formatDate(r, c.otherDate), 'DATE').text(' and again ').phi(formatDate(r, c.serviceDate), 'DATE').text('.'),
  (b, c, r) => b.text('Her phone number changed to ').phi(formatPhone(r), 'PHONE').text('; update chart.'),
  (b, c, r) => b.text('Insurance: BCBS, subscriber # ').phi(`XKJ${digits(r, 9)}`, 'MEMBER_ID').text(', group ').phi(digits(r, 6), 'MEMBER_ID').text('.'),
  (b, _c, r) => b.text('Lot # ').phi(`EL${digits(r, 4)}`, 'DEVICE_ID').text(' (expires ').phi(`${String(r.int(1, 12)).padStart(2, '0')}/2027`, 'DATE').text(') given left deltoid.'),
  (b, c, r) => b.text(`${c.relative.relation[0]!.toUpperCase()}${c.relative.relation.slice(1)} `).phi(c.relative.first, 'NAME').text(' called ').phi(`${r.int(1, 12)}/${r.int(1, 28)}`, 'DATE').text(' re: results.'),
  (b, c) => b.text('Followed at Kaiser by ').phi(c.colleague.first, 'NAME').text(' ').phi(c.colleague.last, 'NAME').text(' NP since 2018.'),
  (b, c) => b.text(`The patient, ${c.patient.sex === 'F' ? 'Mrs.' : 'Mr.'} `).phi(c.patient.lastName, 'NAME').text(', is a retired farmer.'),
  (b, c, r) => b.text(`Contact ${c.relative.relation} (`).phi(c.relative.first, 'NAME').text(') at ').phi(formatPhone(r), 'PHONE').text('.'),
  (b, c) => b.phi(c.patient.firstName, 'NAME', 'uncued').text(' is doing better since the last visit.'),
  (b, c, r) => b.text('Seen in urgent care ').phi(formatDate(r, c.otherDate), 'DATE').text(', treated with azithromycin 500 mg x1 then 250 mg x4 days.'),
  (b, c) => b.text('Chart reviewed with ').phi(c.clinician.first, 'NAME').text(' ').phi(c.clinician.last, 'NAME').text(' (attending).'),
  // A second held-out set, looked at once and then tuned on like the rest.
  (b, c) => b.text(`Accompanied today by ${he(c)} partner `).phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text('.'),
  (b, c, r) => b.text('Outside records from ').phi(c.colleague.first, 'NAME').text(' ').phi(c.colleague.last, 'NAME').text(', DPM, dated ').phi(formatDate(r, c.otherDate), 'DATE').text('.'),
  (b, c) => b.text('Pt prefers to be called "').phi(c.patient.firstName, 'NAME').text('".'),
  (b, _c, r) => b.text('Left VM on ').phi(formatPhone(r), 'PHONE').text(' (home) and ').phi(formatPhone(r), 'PHONE').text(' (work).'),
  (b, c, r) => b.text('Seen at Mercy ED ').phi(formatDate(r, c.otherDate), 'DATE').text(' \u2013 ').phi(formatDate(r, c.serviceDate), 'DATE').text(' for syncope.'),
  (b, c) => b.text(`${her(c)} ${c.relative.relation}'s name is `).phi(c.relative.first, 'NAME').text('.'),
  (b, _c, r) => b.text('MRN#').phi(digits(r, 7), 'MRN').text(' merged with old chart.'),
  (b, _c, r) => b.text('Medicaid # ').phi(digits(r, 9), 'MEMBER_ID').text(' pending renewal.'),
  (b, c, r) => b.text('Per ').phi(c.colleague.last, 'NAME').text("'s note from ").phi(monthYear(r, c.otherDate), 'DATE').text(', A1c was 8.4.'),
  (b, c, r) => b.text('Faxed to Dr. ').phi(c.colleague.first, 'NAME').text(' ').phi(c.colleague.last, 'NAME').text("'s office at ").phi(formatPhone(r), 'PHONE').text('.'),
  (b, _c, r) => b.text('Lives in a group home at ').phi(`${r.int(10, 9999)} ${r.pick(['Willow', 'Juniper', 'Aspen', 'Magnolia'])} Way`, 'ADDRESS').text(` with ${r.int(3, 8)} residents.`),
  (b, c) => {
    const cue = c.patient.firstName.length > 0 ? 'uncued' : 'cued'
    b.phi(c.patient.lastName, 'NAME', cue).text(', ').phi(c.patient.firstName, 'NAME', cue).text(' ').phi(c.relative.first[0]!, 'NAME', cue).text('. presented ambulatory.')
  },
  (b, _c, r) => b.text('Chart pulled up via ').phi(`10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`, 'IP').text(' during downtime.'),
  (b, c, r) => b.text(`Discussed with patient and ${c.relative.relation} `).phi(c.relative.first, 'NAME').text(' at bedside on ').phi(formatDate(r, c.serviceDate), 'DATE').text('.'),
  (b, c) => b.text('Referred to Dr. ').phi(c.colleague.last, 'NAME').text(' (ortho), appt ').phi(mmdd(c.serviceDate), 'DATE').text(' at 2 pm.'),
  (b, c, r) => b.text('Daughter-in-law ').phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text(' (cell ').phi(formatPhone(r), 'PHONE').text(') handles scheduling.'),
  // A third held-out set, looked at once and then tuned on like the rest.
  (b, c) => b.text(`Pt's ${c.relative.relation}, `).phi(c.relative.first, 'NAME').text(', translated for the visit.'),
  (b, c, r) => b.text('Telephone encounter with ').phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text(` (${c.relative.relation}) on `).phi(formatDate(r, c.otherDate), 'DATE').text('.'),
  (b, c) => b.text('Home health RN ').phi(c.colleague.first, 'NAME').text(' visits twice weekly.'),
  (b, c, r) => b.text(`Appointment booked for ${r.pick(WEEKDAYS)}, `).phi(`${MONTHS[Number(c.serviceDate.slice(5, 7)) - 1]} ${Number(c.serviceDate.slice(8, 10))}`, 'DATE').text('.'),
  (b, c, r) => b.text('Last colonoscopy ').phi(`${c.otherDate.slice(5, 7)}/${c.otherDate.slice(0, 4)}`, 'DATE').text(' by Dr. ').phi(c.colleague.last, 'NAME').text(r.pick([', normal.', ', 2 polyps removed.'])),
  (b, c, r) => b.text('Mailing address: ').phi(`PO Box ${r.int(10, 99999)}`, 'ADDRESS').text(', ').phi(c.patient.address.city, 'CITY').text(`, ${c.patient.address.state} `).phi(zip(r), 'ZIP').text('.'),
  (b, c, r) => b.text('Contact: ').phi(`${c.relative.first.toLowerCase()}${r.int(10, 99)}@example.net`, 'EMAIL').text(' / ').phi(formatPhone(r), 'PHONE'),
  (b, _c, r) => b.text('Pt ID ').phi(alnum(r, 8), 'MRN').text(' on wristband verified.'),
  (b, c) => b.phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text(`, the patient's ${c.relative.relation}, signed the consent.`),
  (b, c) => b.text('Spoke to pharmacist ').phi(c.colleague.first, 'NAME').text(' at the pharmacy about the prior auth.'),
  (b, _c, r) => b.text(`${r.chance(0.5) ? 'She' : 'He'} turned `).phi(String(r.int(90, 99)), 'AGE_90_PLUS').text(' last month.'),
  (b, c) => b.text(`${c.relative.relation[0]!.toUpperCase()}${c.relative.relation.slice(1)} lives in `).phi(c.patient.address.city, 'CITY').text(' and visits monthly.'),
  (b, c) => b.text('Insurance card: member number ').phi(c.patient.coverage.memberId, 'MEMBER_ID').text('.'),
  (b, c, r) => b.text('Prescription called in by ').phi(c.clinician.first, 'NAME').text(' ').phi(c.clinician.last, 'NAME').text(' on ').phi(formatDate(r, c.serviceDate), 'DATE').text('.'),
]
