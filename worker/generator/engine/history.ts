import type { ClaimInput } from '../../contracts'
import { mulberry32, type Random } from '../prng'
import { decideAppeal } from './appeals'
import { adjudicate } from './adjudicate'
import { ageOn, epochDayOf, isoDateOf, isoDateTimeOf, type EpochDay } from './dates'
import { triangular } from './distributions'
import { dailyVolume, generateEncounter } from './encounters'
import type { Denial, HistoryRecord } from './history-record'
import { choosePattern, injectLineError, injectUnsupportedDiagnosis } from './inject-denial'
import { applyLearning, createLearningState, type LearningEvent } from './learning'
import { writeNote } from './notes'
import { generatePatientPanel } from './patients'
import { PAYER_PROFILES, type PayerProfile } from './payers'
import type { Provider } from './providers'
import { DEFAULT_SCENARIO, type Scenario } from './scenario'

export type HistoryOptions = {
  seed: number
  provider: Provider
  /** First and last service dates, YYYY-MM-DD, both included. Time is an input: nothing reads the clock. */
  from: string
  to: string
  scenario?: Scenario
  /** Practice sessions, applied on their dates before that day's claims. */
  learningEvents?: readonly LearningEvent[]
  /** Patients in the practice's panel; defaults to about a month of visits, 200 to 20,000. */
  panelSize?: number
}

const DAYS_PER_MONTH = 30.44
const PAYERS_BY_ID: ReadonlyMap<string, PayerProfile> = new Map(PAYER_PROFILES.map((p) => [p.payer.id, p]))

/**
 * A provider's adjudicated claims, day by day, as a generator: the caller pulls one record at a time,
 * so memory stays flat however long the history. Same options, same records, byte for byte.
 */
export function* generateHistory(options: HistoryOptions): Generator<HistoryRecord, void, undefined> {
  const { provider, seed } = options
  const scenario = options.scenario ?? DEFAULT_SCENARIO
  const random = mulberry32(seed)
  const from = epochDayOf(options.from)
  const to = epochDayOf(options.to)
  const panel = generatePatientPanel({
    seed,
    size: options.panelSize ?? Math.min(20_000, Math.max(200, provider.claimsPerDay * 20)),
    specialty: provider.specialty,
    asOf: options.from,
    state: provider.state,
    city: provider.city,
  })
  const birthDays = panel.map((p) => epochDayOf(p.birthDate))
  const events = options.learningEvents ?? []
  const learning = createLearningState()
  const claimPrefix = `SYN-${(seed >>> 0).toString(36).toUpperCase()}-`
  let nextEvent = 0
  let sequence = 0
  let previous: HistoryRecord | null = null

  for (let day = from; day <= to; day++) {
    while (nextEvent < events.length && epochDayOf(events[nextEvent]!.on) <= day) applyLearning(learning, events[nextEvent++]!)
    const count = dailyVolume(random, provider.claimsPerDay, day)
    const serviceDate = isoDateOf(day)
    const monthsElapsed = (day - from) / DAYS_PER_MONTH
    for (let k = 0; k < count; k++) {
      sequence++
      const index = random.int(0, panel.length - 1)
      const patient = panel[index]!
      const payer = PAYERS_BY_ID.get(patient.coverage.payerId)!
      const age = ageOn(birthDays[index]!, day)
      const encounter = generateEncounter(random, provider.specialty, day, age)
      const pattern = choosePattern(random, { encounter, payer, monthsElapsed, learning, scenario, hasPrevious: previous !== null, serviceDate })
      if (pattern === 'duplicate' && previous !== null) {
        yield (previous = duplicateOf(random, previous, payer, sequence, scenario))
        continue
      }
      const unsupported = pattern === 'not-medically-necessary' ? injectUnsupportedDiagnosis(random, encounter).line : 0
      const note = writeNote(random, { encounter, age, sex: patient.sex, incomplete: pattern === 'incomplete-documentation' })
      const lines = encounter.lines.map((l) => ({ ...l, modifiers: [...l.modifiers], diagnosisPointers: [...l.diagnosisPointers] }))
      const denial = pattern === null ? null : injectLineError(random, pattern, lines, encounter, serviceDate, unsupported)
      const claim: ClaimInput = {
        claimNumber: claimPrefix + String(sequence).padStart(8, '0'),
        payer: payer.payer,
        serviceDate,
        placeOfService: encounter.placeOfService,
        diagnoses: encounter.diagnoses,
        lines,
      }
      let filingDelay = triangular(random, 0, 2, 30)
      if (denial !== null && pattern === 'timely-filing') {
        filingDelay = payer.timelyFilingDays + random.int(1, 90)
        denial.detail = `filed ${filingDelay} days after service; ${payer.payer.name} allows ${payer.timelyFilingDays}`
      }
      if (denial !== null && pattern === 'eligibility') {
        denial.detail = `coverage ended ${isoDateOf(day - random.int(1, 120))}, before the service date`
      }
      const record: HistoryRecord = {
        trace: { scenario: scenario.name, seed, pattern, sequence },
        providerId: provider.id,
        renderingNpi: provider.renderingNpis[random.int(0, provider.renderingNpis.length - 1)]!,
        patient: { id: patient.id, memberId: patient.coverage.memberId, age, sex: patient.sex },
        specialty: provider.specialty,
        encounter: encounter.name,
        arrivedAt: isoDateTimeOf(day, encounter.arrivalMinute),
        claim,
        note,
        outcome: outcomeOf(random, claim, payer, denial, day + filingDelay, filingDelay, scenario),
      }
      previous = record
      yield record
    }
  }
}

function outcomeOf(random: Random, claim: ClaimInput, payer: PayerProfile, denial: Denial | null, submittedDay: EpochDay, filingDelay: number, scenario: Scenario): HistoryRecord['outcome'] {
  const result = adjudicate(claim, payer, denial)
  const daysToPayment = triangular(random, payer.daysToPayment.min, payer.daysToPayment.mode, payer.daysToPayment.max)
  const adjudicatedDay = submittedDay + daysToPayment
  let appeal: HistoryRecord['outcome']['appeal'] = null
  if (denial !== null) {
    const decision = decideAppeal(random, denial.pattern, payer, adjudicatedDay, scenario.overturnRates[denial.pattern], scenario.appealRateScale)
    if (decision !== null) {
      appeal = {
        filedOn: isoDateOf(decision.filedDay),
        resolvedOn: isoDateOf(decision.resolvedDay),
        overturned: decision.overturned,
        recoveredCents: decision.overturned ? result.deniedPayableCents : 0,
      }
    }
  }
  return {
    status: result.status,
    billedCents: result.billedCents,
    allowedCents: result.allowedCents,
    paidCents: result.paidCents,
    patientResponsibilityCents: result.patientResponsibilityCents,
    adjustments: result.adjustments,
    denial,
    submittedOn: isoDateOf(submittedDay),
    filingDelayDays: filingDelay,
    adjudicatedOn: isoDateOf(adjudicatedDay),
    daysToPayment,
    appeal,
  }
}

/** The same claim sent again (same claim number, same lines), denied OA-18. */
function duplicateOf(random: Random, original: HistoryRecord, payer: PayerProfile, sequence: number, scenario: Scenario): HistoryRecord {
  const claim = original.claim
  const lines = claim.lines.map((_, i) => i + 1)
  const denial: Denial = { pattern: 'duplicate', carc: '18', rarc: [], lines, detail: `resubmission of ${claim.claimNumber}` }
  const filingDelay = original.outcome.filingDelayDays + random.int(7, 40)
  const submittedDay = epochDayOf(claim.serviceDate) + filingDelay
  return {
    ...original,
    trace: { scenario: scenario.name, seed: original.trace.seed, pattern: 'duplicate', sequence },
    outcome: outcomeOf(random, claim, payer, denial, submittedDay, filingDelay, scenario),
  }
}
