import { generateHistory, generateProvider, PAYER_PROFILES, SPECIALTIES } from '../../worker/generator/engine'
import type { HistoryRecord, PayerKind } from '../../worker/generator/engine'
import { mulberry32 } from '../../worker/generator/prng'
import type { Random } from '../../worker/generator/prng'
import { makeClassification } from '../../worker/risk/gbdt/synthetic-data'
import type { LabelledSplit } from './risk-csv'

export type RiskDataset = {
  name: string
  description: string
  featureNames: string[]
  train: LabelledSplit
  valid: LabelledSplit
  test: LabelledSplit
}

/** Train / valid / test shares; the test share decides how precise the AUC difference is. */
const SHARES = [0.7, 0.1, 0.2] as const

/**
 * make_classification's defaults for 20 features (5 informative, 5 redundant, 10 noise, 2 clusters per
 * class, class_sep 1, 1% flipped labels), then 5% of cells blanked at random: real claim files have
 * gaps, and how a trainer routes missing values is part of what is compared.
 */
export function classificationDataset(rows: number, seed: number): RiskDataset {
  const data = makeClassification({ rows, informative: 5, redundant: 5, noise: 10, clustersPerClass: 2, classSep: 1, flip: 0.01, seed })
  const random = mulberry32(seed ^ 0x5f3759df)
  const { values } = data.x
  for (let k = 0; k < values.length; k++) if (random.next() < 0.05) values[k] = Number.NaN
  const order = shuffledIndices(rows, random)
  return {
    name: 'make-classification',
    description: `${rows} rows, 20 features (5 informative, 5 redundant, 10 noise), 2 clusters per class, 1% labels flipped, 5% of cells missing`,
    featureNames: data.featureNames,
    ...splitRows(order, data.x.cols, (i, out) => out.set(values.subarray(i * data.x.cols, (i + 1) * data.x.cols)), (i) => data.y[i]!),
  }
}

const CLAIM_FEATURES = [
  'billed_cents',
  'line_count',
  'total_units',
  'max_units',
  'diagnosis_count',
  'payer_kind',
  'payer_id',
  'specialty',
  'primary_cpt',
  'primary_cpt_frequency',
  'second_cpt',
  'primary_icd',
  'primary_icd_frequency',
  'second_icd',
  'modifier_25',
  'modifier_59',
  'days_to_submission',
  'patient_age',
  'patient_sex',
  'place_of_service',
  'service_weekday',
]

const PAYER_KINDS: readonly PayerKind[] = ['commercial', 'medicare', 'medicaid']
const PAYER_INDEX = new Map(PAYER_PROFILES.map((p, i) => [p.payer.id, i]))

/**
 * Claims from the synthetic engine, one practice per specialty, shuffled together; label is a denial
 * at first pass (any denial before appeal). Codes are ordinals of the sorted training vocabulary and
 * training-set frequencies: both target-free, so neither side gets a head start from target encoding.
 */
export function claimsDataset(rows: number, seed: number): RiskDataset {
  const perPractice = Math.ceil(rows / SPECIALTIES.length)
  const records: HistoryRecord[] = []
  SPECIALTIES.forEach((specialty, s) => {
    const provider = generateProvider({ seed: seed + s, specialty, claimsPerDay: 60 })
    let n = 0
    for (const record of generateHistory({ seed: seed + s, provider, from: '2025-01-01', to: '2027-12-31' })) {
      records.push(record)
      if (++n === perPractice) break
    }
  })
  records.length = Math.min(records.length, rows)
  const order = shuffledIndices(records.length, mulberry32(seed ^ 0x2545f491))
  const trainEnd = Math.round(order.length * SHARES[0])
  const training = order.slice(0, trainEnd).map((i) => records[i]!)
  const cpt = vocabulary(training.flatMap((r) => r.claim.lines.map((l) => l.procedureCode)))
  const icd = vocabulary(training.flatMap((r) => r.claim.diagnoses))
  const encode = (i: number, out: Float64Array) => encodeClaim(records[i]!, cpt, icd, out)
  const denied = records.filter((r) => r.outcome.denial !== null).length
  return {
    name: 'claims',
    description: `${records.length} claims from the synthetic engine (${SPECIALTIES.length} practices, one per specialty), ${round1((100 * denied) / records.length)}% denied at first pass`,
    featureNames: CLAIM_FEATURES,
    ...splitRows(order, CLAIM_FEATURES.length, encode, (i) => (records[i]!.outcome.denial === null ? 0 : 1)),
  }
}

type Vocabulary = { ordinal: Map<string, number>; frequency: Map<string, number> }

function vocabulary(codes: readonly string[]): Vocabulary {
  const frequency = new Map<string, number>()
  for (const code of codes) frequency.set(code, (frequency.get(code) ?? 0) + 1)
  const ordinal = new Map([...frequency.keys()].sort().map((code, i) => [code, i]))
  return { ordinal, frequency }
}

function encodeClaim(record: HistoryRecord, cpt: Vocabulary, icd: Vocabulary, out: Float64Array): void {
  const { claim, outcome, patient } = record
  const lines = claim.lines
  const modifiers = new Set(lines.flatMap((l) => l.modifiers))
  const units = lines.map((l) => l.units)
  // Codes never seen in training stay missing rather than colliding with a known ordinal.
  const code = (v: Vocabulary, c: string | undefined) => (c === undefined ? Number.NaN : (v.ordinal.get(c) ?? Number.NaN))
  const seen = (v: Vocabulary, c: string) => v.frequency.get(c) ?? 0
  const row = [
    outcome.billedCents,
    lines.length,
    units.reduce((a, b) => a + b, 0),
    Math.max(...units),
    claim.diagnoses.length,
    PAYER_KINDS.indexOf(PAYER_PROFILES[PAYER_INDEX.get(claim.payer.id) ?? -1]?.kind ?? 'commercial'),
    PAYER_INDEX.get(claim.payer.id) ?? Number.NaN,
    SPECIALTIES.indexOf(record.specialty),
    code(cpt, lines[0]!.procedureCode),
    seen(cpt, lines[0]!.procedureCode),
    code(cpt, lines[1]?.procedureCode),
    code(icd, claim.diagnoses[0]),
    seen(icd, claim.diagnoses[0]!),
    code(icd, claim.diagnoses[1]),
    modifiers.has('25') ? 1 : 0,
    modifiers.has('59') ? 1 : 0,
    outcome.filingDelayDays,
    patient.age,
    patient.sex === 'F' ? 1 : 0,
    Number(claim.placeOfService),
    new Date(`${claim.serviceDate}T00:00:00Z`).getUTCDay(),
  ]
  out.set(row)
}

function splitRows(
  order: readonly number[],
  cols: number,
  encode: (source: number, out: Float64Array) => void,
  label: (source: number) => number,
): Pick<RiskDataset, 'train' | 'valid' | 'test'> {
  const trainEnd = Math.round(order.length * SHARES[0])
  const validEnd = Math.round(order.length * (SHARES[0] + SHARES[1]))
  const take = (begin: number, end: number): LabelledSplit => {
    const rows = end - begin
    const values = new Float64Array(rows * cols)
    const y = new Float64Array(rows)
    for (let i = 0; i < rows; i++) {
      const source = order[begin + i]!
      encode(source, values.subarray(i * cols, (i + 1) * cols))
      y[i] = label(source)
    }
    return { x: { values, rows, cols }, y }
  }
  return { train: take(0, trainEnd), valid: take(trainEnd, validEnd), test: take(validEnd, order.length) }
}

function shuffledIndices(n: number, random: Random): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order
}

const round1 = (n: number) => Math.round(n * 10) / 10
