import type { Random } from '../../../generator/prng'
import type { NoteBuilder } from './annotated-note'
import { formatPhone } from './identifier-values'
import type { NoteCast } from './people'

// Identifier sentences written after the detectors were tuned, in phrasings the tuned templates do not
// use, and never adjusted to the detectors' results: their recall is reported on its own. (Three earlier
// held-out sets, once looked at, moved into the tuned templates; this one has not been looked at.)

type Template = (b: NoteBuilder, cast: NoteCast, random: Random) => void

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`

export const HELD_OUT_SENTENCES: readonly Template[] = [
  (b, c) => b.text('Pt accompanied by gf ').phi(c.relative.first, 'NAME').text('.'),
  (b, c) => b.text(`Per pt, ${c.patient.sex === 'F' ? 'her' : 'his'} PCP is `).phi(c.colleague.first, 'NAME').text(' ').phi(c.colleague.last, 'NAME').text(' at Westside Clinic.'),
  (b, c) => b.text('Mom (').phi(c.relative.first, 'NAME').text(') reports fever since Sunday.'),
  (b, c) => b.text('Outpatient labs drawn ').phi(`${Number(c.otherDate.slice(5, 7))}/${Number(c.otherDate.slice(8, 10))}`, 'DATE').text(' at the lab.'),
  (b, c) => b.text('Pt works as a teacher at Lincoln Elementary in ').phi(c.patient.address.city, 'CITY').text('.'),
  (b, _c, r) => b.text('Will message via portal: ').phi(`https://mychart.example.org/msg/${r.int(10000, 99999)}`, 'URL'),
  (b, c) => b.text('Next visit 2 weeks; tentatively ').phi(`${Number(c.serviceDate.slice(5, 7))}/${Number(c.serviceDate.slice(8, 10))}`, 'DATE').text('.'),
  (b, c) => b.text(`${c.patient.sex === 'F' ? 'Her ex-husband' : 'His ex-wife'}, `).phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text(', is not allowed to visit.'),
  (b, c) => b.text('Grandpa ').phi(c.relative.first, 'NAME').text(' picks her up after school.'),
  (b, c, r) => b.text('Dr. ').phi(c.colleague.last, 'NAME').text("'s nurse, ").phi(c.relative.first, 'NAME').text(', called with results on the ').phi(ordinal(r.int(1, 28)), 'DATE').text('.'),
  (b, c, r) => b.text("Patient's portal username is ").phi(`${c.patient.firstName[0]!.toLowerCase()}${c.patient.lastName.toLowerCase().replace(/[^a-z]/g, '')}${r.int(1940, 2010)}`, 'ID').text('.'),
  (b, c, r) => b.text('Fax results to ').phi(formatPhone(r), 'PHONE').text(' attn: ').phi(c.relative.first, 'NAME').text('.'),
  (b, c, r) => b.text('Emergency contact - ').phi(c.relative.first, 'NAME').text(' ').phi(c.relative.last, 'NAME').text(' ').phi(formatPhone(r), 'PHONE'),
  (b, c) => b.text(`${c.patient.sex === 'F' ? 'She' : 'He'} was discharged from rehab to ${c.patient.sex === 'F' ? 'her' : 'his'} daughter's home in `).phi(c.patient.address.city, 'CITY').text('.'),
]
