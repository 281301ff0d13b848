import { ageOn, epochDayOf, generateEncounter, generatePatient, generateProvider, isoDateOf, writeNote } from '../../../generator/engine'
import { mulberry32, type Random } from '../../../generator/prng'
import type { DeidContext } from '../context'
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from '../names/first-names'
import { NoteBuilder, type AnnotatedNote, type GoldSpan } from './annotated-note'
import { CLINICAL_SENTENCES } from './clinical-sentences'
import { UNLISTED_GIVEN, UNLISTED_SURNAMES } from './eval-names'
import { HEADERS, SIGNATURES } from './frame-templates'
import type { NoteCast, Person } from './people'
import { HELD_OUT_SENTENCES } from './held-out-sentences'
import { IDENTIFIER_SENTENCES } from './sentence-templates'

const FIRST_SERVICE_DAY = epochDayOf('2024-01-01')
const LAST_SERVICE_DAY = epochDayOf('2026-10-31')
const RELATIONS = ['daughter', 'son', 'wife', 'husband', 'sister', 'brother', 'mother', 'father', 'caregiver', 'neighbor', 'friend']
// A practice per this many notes: enough cities and states without regenerating a provider for each note.
const NOTES_PER_PRACTICE = 25

const isListed = (given: string) => FIRST_NAMES.has(given.toLowerCase()) || AMBIGUOUS_FIRST_NAMES.has(given.toLowerCase())

/** Someone other than the patient: half from the engine's own people, half with names no list holds. */
function person(random: Random, generated: { firstName: string; lastName: string }): Person {
  if (random.chance(0.5)) return { first: generated.firstName, last: generated.lastName, listed: isListed(generated.firstName) }
  return { first: random.pick(UNLISTED_GIVEN), last: random.pick(UNLISTED_SURNAMES), listed: false }
}

/** Ages of 90 and over that the engine's note wrote into its opening sentence ("92 y/o", "92F here"). */
function ageSpans(line: string): Pick<GoldSpan, 'start' | 'end' | 'kind'>[] {
  const spans: Pick<GoldSpan, 'start' | 'end' | 'kind'>[] = []
  for (const m of line.matchAll(/(?<!\d)(\d{2,3})(?= y\/o|-year-old|[FM] here)/g)) {
    if (Number(m[1]) >= 90) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'AGE_90_PLUS' })
  }
  return spans
}

/**
 * Synthetic clinical notes with every identifier's exact position: a chart header, the engine's clinical
 * note (chief complaint, history, exam, procedures, assessment) with identifier sentences and clinical
 * sentences worked in between its lines, and a signature. Same seed, same notes.
 */
export function generateAnnotatedNotes(options: { seed: number; count: number }): AnnotatedNote[] {
  const random = mulberry32(options.seed ^ 0xde1d_0001)
  const notes: AnnotatedNote[] = []
  let provider = generateProvider({ seed: options.seed })
  for (let i = 0; i < options.count; i++) {
    if (i > 0 && i % NOTES_PER_PRACTICE === 0) provider = generateProvider({ seed: options.seed + i })
    const serviceDay = random.int(FIRST_SERVICE_DAY, LAST_SERVICE_DAY)
    const patientOptions = { specialty: provider.specialty, asOf: serviceDay, index: i, state: provider.state, city: provider.city }
    const patient = generatePatient(random, patientOptions)
    const age = ageOn(epochDayOf(patient.birthDate), serviceDay)
    const encounter = generateEncounter(random, provider.specialty, serviceDay, age)
    const clinical = writeNote(random, { encounter, age, sex: patient.sex, incomplete: random.chance(0.1) })
    const cast: NoteCast = {
      patient,
      age,
      serviceDate: isoDateOf(serviceDay),
      otherDate: isoDateOf(serviceDay - random.int(3, 400)),
      relative: { ...person(random, { firstName: generatePatient(random, patientOptions).firstName, lastName: patient.lastName }), relation: random.pick(RELATIONS) },
      clinician: person(random, generatePatient(random, patientOptions)),
      colleague: person(random, generatePatient(random, patientOptions)),
    }

    const b = new NoteBuilder()
    random.pick(HEADERS)(b, cast, random)
    const inserts: ((b: NoteBuilder) => void)[] = []
    for (let k = random.int(3, 6); k > 0; k--) {
      // One sentence in four in the phrasing the detectors were never tuned on.
      const heldOut = random.chance(0.25)
      const template = random.pick(heldOut ? HELD_OUT_SENTENCES : IDENTIFIER_SENTENCES)
      inserts.push((nb) => {
        nb.phrasing = heldOut ? 'held-out' : 'tuned'
        template(nb, cast, random)
        nb.phrasing = 'tuned'
      })
    }
    for (let k = random.int(2, 4); k > 0; k--) {
      const sentence = random.pick(CLINICAL_SENTENCES)
      inserts.push((nb) => nb.text(sentence))
    }
    const lines = clinical.text.split('\n')
    for (const [index, line] of lines.entries()) {
      b.annotated(line, ageSpans(line)).text('\n')
      // Spread the inserted sentences over the note, each on its own line.
      while (inserts.length > 0 && (random.chance(0.35) || index === lines.length - 1)) {
        inserts.splice(random.int(0, inserts.length - 1), 1)[0]!(b)
        b.text('\n')
      }
    }
    random.pick(SIGNATURES)(b, cast, random)

    const context: DeidContext | undefined = random.chance(0.7)
      ? {
          patient: { firstName: patient.firstName, lastName: patient.lastName, birthDate: patient.birthDate, memberId: patient.coverage.memberId, address: patient.address },
          providerNames: [`${cast.clinician.first} ${cast.clinician.last}, MD`],
        }
      : undefined
    notes.push({ text: b.build(), gold: b.gold, context })
  }
  return notes
}
