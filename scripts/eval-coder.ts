// Evaluates the local coder against a plain TF-IDF retrieval baseline, in the same run:
//   1. notes written by the synthetic engine with their true codes, on a held-out seed;
//   2. lay phrases with the expected ICD-10-CM subtree (worker/coding/local-coder/paraphrase-set.ts);
//   3. the MTSamples transcriptions, for robustness only (no truth): crashes and invalid codes.
// Usage: npm run -s eval:coder [-- --seed N --notes-per-specialty N]. Writes bench/results/coder-eval-latest.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isBillableIcd10, isKnownProcedureCode } from '../worker/coding/code-sets'
import { codeNoteLocally } from '../worker/coding/local-coder/code-note'
import { FINAL_UNSEEN_PARAPHRASES, PARAPHRASES, UNSEEN_PARAPHRASES } from '../worker/coding/local-coder/paraphrase-set'
import { tfidfBaseline } from '../worker/coding/local-coder/tfidf-baseline'
import { formatIcd10 } from '../worker/coding/format-icd10'
import { generateHistory, generateProvider, SPECIALTIES } from '../worker/generator/engine'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// The seed the lay-term table and the rules were never tuned on (development used seed 7).
const HELD_OUT_SEED = 20_261_122

type Prediction = { icd10: string[]; cpt: string[] }
type Case = { text: string; icd10: string[]; cpt: string[] }

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isFinite(value)) {
    process.stderr.write(`eval-coder: --${name} needs a number\n`)
    process.exit(2)
  }
  return value
}

function generatedCases(seed: number, perSpecialty: number): Case[] {
  const cases: Case[] = []
  SPECIALTIES.forEach((specialty, k) => {
    const provider = generateProvider({ seed: seed + k, specialty, claimsPerDay: 40 })
    let n = 0
    for (const record of generateHistory({ seed: seed + k, provider, from: '2025-03-03', to: '2025-06-30' })) {
      const { text, truth } = record.note
      cases.push({ text, icd10: truth.diagnoses.map(formatIcd10), cpt: truth.procedures.map((p) => p.code) })
      if (++n >= perSpecialty) break
    }
  })
  return cases
}

type Scores = { microF1: number; precision: number; recall: number; top1: number; top5: number }

function score(cases: readonly Case[], predictions: readonly Prediction[], field: 'icd10' | 'cpt'): Scores {
  let tp = 0
  let fp = 0
  let fn = 0
  let top1 = 0
  let top5 = 0
  cases.forEach((c, i) => {
    const truth = new Set(c[field])
    const predicted = [...new Set(predictions[i]![field].slice(0, 5))]
    for (const code of predicted) truth.has(code) ? tp++ : fp++
    for (const code of truth) if (!predicted.includes(code)) fn++
    if (predicted[0] === c[field][0]) top1++
    if (c[field][0] !== undefined && predicted.includes(c[field][0]!)) top5++
  })
  const precision = tp / Math.max(1, tp + fp)
  const recall = tp / Math.max(1, tp + fn)
  const round = (x: number) => Math.round(x * 1000) / 1000
  return { microF1: round((2 * precision * recall) / Math.max(1e-9, precision + recall)), precision: round(precision), recall: round(recall), top1: round(top1 / cases.length), top5: round(top5 / cases.length) }
}

function local(text: string): Prediction {
  const coded = codeNoteLocally(text)
  return { icd10: coded.diagnoses.slice(0, 5).map((d) => d.code), cpt: coded.lines.map((l) => l.code) }
}

function baseline(text: string): Prediction {
  const found = tfidfBaseline(text)
  return { icd10: found.icd10.map(formatIcd10), cpt: found.cpt }
}

function phraseScores(set: readonly (readonly [string, string])[], predict: (text: string) => Prediction): { top1: number; top5: number; n: number } {
  let top1 = 0
  let top5 = 0
  for (const [phrase, subtree] of set) {
    const codes = predict(phrase).icd10
    if (codes[0]?.startsWith(subtree)) top1++
    if (codes.slice(0, 5).some((c) => c.startsWith(subtree))) top5++
  }
  const n = set.length
  return { top1: Math.round((top1 / n) * 1000) / 1000, top5: Math.round((top5 / n) * 1000) / 1000, n }
}

/** The transcription column of the MTSamples CSV (quoted fields may hold commas and newlines). */
function mtsamples(path: string): string[] {
  const text = readFileSync(path, 'utf8')
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') row.push(field), (field = '')
    else if (ch === '\n') row.push(field), rows.push(row), (row = []), (field = '')
    else if (ch !== '\r') field += ch
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row)
  const column = rows[0]!.indexOf('transcription')
  return rows.slice(1).map((r) => r[column] ?? '').filter((t) => t.trim() !== '')
}

function robustness(notes: readonly string[]): { notes: number; crashes: number; invalidCodes: number; emptyResults: number; msPerNote: number } {
  let crashes = 0
  let invalidCodes = 0
  let emptyResults = 0
  const started = performance.now()
  for (const note of notes) {
    try {
      const coded = codeNoteLocally(note)
      invalidCodes += coded.diagnoses.filter((d) => !isBillableIcd10(d.code)).length
      invalidCodes += coded.lines.filter((l) => !isKnownProcedureCode(l.code)).length
      if (coded.diagnoses.length === 0) emptyResults++
    } catch {
      crashes++
    }
  }
  return { notes: notes.length, crashes, invalidCodes, emptyResults, msPerNote: Math.round(((performance.now() - started) / Math.max(1, notes.length)) * 100) / 100 }
}

const seed = arg('seed', HELD_OUT_SEED)
const perSpecialty = arg('notes-per-specialty', 100)
const cases = generatedCases(seed, perSpecialty)
const warm = performance.now()
codeNoteLocally('warm up')
const coldStartMs = Math.round(performance.now() - warm)
const started = performance.now()
const localPredictions = cases.map((c) => local(c.text))
const localMs = (performance.now() - started) / cases.length
const baselinePredictions = cases.map((c) => baseline(c.text))
// The generated assessment spells every diagnosis by its official title, which makes the notes easy.
// Without it the coder must read the complaint, the history abbreviations and the procedures instead.
const withoutAssessment = cases.map((c) => ({ ...c, text: c.text.replace(/\nA\/P:\n[\s\S]*?(?=\n(?:Total time|I spent|Time:)|$)/, '') }))
const localNoAp = withoutAssessment.map((c) => local(c.text))
const baselineNoAp = withoutAssessment.map((c) => baseline(c.text))
const invalidGenerated = localPredictions.reduce((n, p) => n + p.icd10.filter((c) => !isBillableIcd10(c)).length + p.cpt.filter((c) => !isKnownProcedureCode(c)).length, 0)

const sharedData = join(root, '..', 'shared', 'data')
const result = {
  seed,
  heldOut: seed === HELD_OUT_SEED,
  generatedNotes: {
    notes: cases.length,
    local: { icd10: score(cases, localPredictions, 'icd10'), cpt: score(cases, localPredictions, 'cpt'), invalidCodes: invalidGenerated, msPerNote: Math.round(localMs * 100) / 100 },
    tfidfBaseline: { icd10: score(cases, baselinePredictions, 'icd10'), cpt: score(cases, baselinePredictions, 'cpt') },
    withoutAssessment: {
      local: { icd10: score(withoutAssessment, localNoAp, 'icd10'), cpt: score(withoutAssessment, localNoAp, 'cpt') },
      tfidfBaseline: { icd10: score(withoutAssessment, baselineNoAp, 'icd10'), cpt: score(withoutAssessment, baselineNoAp, 'cpt') },
    },
  },
  paraphrases: { local: phraseScores(PARAPHRASES, local), tfidfBaseline: phraseScores(PARAPHRASES, baseline) },
  unseenParaphrases: { local: phraseScores(UNSEEN_PARAPHRASES, local), tfidfBaseline: phraseScores(UNSEEN_PARAPHRASES, baseline) },
  finalUnseenParaphrases: { local: phraseScores(FINAL_UNSEEN_PARAPHRASES, local), tfidfBaseline: phraseScores(FINAL_UNSEEN_PARAPHRASES, baseline) },
  mtsamples: robustness(mtsamples(join(sharedData, 'notes-mtsamples', 'mtsamples-part-a.csv'))),
  coldStartMs,
}

mkdirSync(join(root, 'bench', 'results'), { recursive: true })
writeFileSync(join(root, 'bench', 'results', 'coder-eval-latest.json'), `${JSON.stringify(result, null, 2)}\n`)

const g = result.generatedNotes
const row = (name: string, s: Scores) => `${name.padEnd(24)} ${String(s.microF1).padStart(8)} ${String(s.precision).padStart(9)} ${String(s.recall).padStart(7)} ${String(s.top1).padStart(6)} ${String(s.top5).padStart(6)}`
console.log(`Generated notes: ${g.notes} (seed ${seed}${result.heldOut ? ', held out' : ', development'})`)
console.log(`${'engine / codes'.padEnd(24)} ${'micro-F1'.padStart(8)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'top-1'.padStart(6)} ${'top-5'.padStart(6)}`)
console.log(row('local ICD-10-CM', g.local.icd10))
console.log(row('tf-idf ICD-10-CM', g.tfidfBaseline.icd10))
console.log(row('local CPT/HCPCS', g.local.cpt))
console.log(row('tf-idf CPT/HCPCS', g.tfidfBaseline.cpt))
console.log('same notes with the A/P section removed:')
console.log(row('local ICD-10-CM', g.withoutAssessment.local.icd10))
console.log(row('tf-idf ICD-10-CM', g.withoutAssessment.tfidfBaseline.icd10))
console.log(`local: ${g.local.msPerNote} ms/note, ${g.local.invalidCodes} invalid codes; cold start (code sets + index) ${coldStartMs} ms\n`)
for (const [name, set] of [['Lay phrases, tuning set', result.paraphrases], ['Lay phrases, second set (seen once, then tables grew)', result.unseenParaphrases], ['Lay phrases, final set (never tuned on)', result.finalUnseenParaphrases]] as const) {
  console.log(`${name} (${set.local.n}, right subtree): local top-1 ${set.local.top1}, top-5 ${set.local.top5}; tf-idf top-1 ${set.tfidfBaseline.top1}, top-5 ${set.tfidfBaseline.top5}`)
}
const m = result.mtsamples
console.log(`MTSamples robustness: ${m.notes} notes, ${m.crashes} crashes, ${m.invalidCodes} invalid codes, ${m.emptyResults} with no diagnosis, ${m.msPerNote} ms/note`)
console.log('\nwrote bench/results/coder-eval-latest.json')
