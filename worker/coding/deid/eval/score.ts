import type { IdentifierKind, ReplacedSpan } from '../types'
import type { AnnotatedNote, GoldSpan } from './annotated-note'

export type Rate = { count: number; hits: number; rate: number }
export type KindScore = { gold: number; recalled: number; recall: number; predicted: number; correct: number; precision: number }

export type DeidScore = {
  notes: number
  byKind: Partial<Record<IdentifierKind, KindScore>>
  /** Recall of the identifier groups with a target of 0.99. */
  groups: Record<'names' | 'dates' | 'phones' | 'emails' | 'ssn' | 'mrnAndMemberIds' | 'addresses', Rate>
  overall: { recall: number; precision: number }
  /** Names with no cue and a given name on no list: what only context can catch. */
  uncuedNames: Rate
  /** Recall on the sentences written after tuning and never adjusted: the most honest figure here. */
  heldOutPhrasing: Rate & { byKind: Partial<Record<IdentifierKind, Rate>> }
  recallWithContext: Rate
  recallWithoutContext: Rate
  /** Words of clinical text (no identifier in them) that a replacement touched: the target is under 1%. */
  clinicalTokensRemoved: Rate
  /** The same for words with a digit in them: doses, vitals, lab values, codes, years. */
  numericClinicalTokensRemoved: Rate
}

export type Miss = { kind: IdentifierKind; value: string; around: string }
type Prediction = Pick<ReplacedSpan, 'start' | 'end' | 'kind'>

const GROUPS: Record<keyof DeidScore['groups'], readonly IdentifierKind[]> = {
  names: ['NAME'],
  dates: ['DATE'],
  phones: ['PHONE'],
  emails: ['EMAIL'],
  ssn: ['SSN'],
  mrnAndMemberIds: ['MRN', 'MEMBER_ID', 'ACCOUNT'],
  addresses: ['ADDRESS', 'CITY', 'ZIP'],
}

const rate = (count: number, hits: number): Rate => ({ count, hits, rate: count === 0 ? 1 : round(hits / count) })
const round = (x: number) => Math.round(x * 10_000) / 10_000

function coverage(length: number, spans: readonly { start: number; end: number }[]): Uint8Array {
  const covered = new Uint8Array(length)
  for (const s of spans) covered.fill(1, s.start, s.end)
  return covered
}

/** A gold identifier counts as removed when every letter and digit of it is inside some replacement. */
function isRemoved(text: string, covered: Uint8Array, gold: GoldSpan): boolean {
  for (let i = gold.start; i < gold.end; i++) if (/[A-Za-z0-9]/.test(text[i]!) && !covered[i]) return false
  return true
}

const overlapsAny = (covered: Uint8Array, start: number, end: number) => {
  for (let i = start; i < end; i++) if (covered[i]) return true
  return false
}

/** Scores predictions against the gold spans; `misses` collects what was left in, for a developer's eye. */
export function scoreDeidentification(notes: readonly AnnotatedNote[], predict: (note: AnnotatedNote) => readonly Prediction[], misses?: Miss[]): DeidScore {
  const kinds = new Map<IdentifierKind, { gold: number; recalled: number; predicted: number; correct: number }>()
  const kind = (k: IdentifierKind) => kinds.get(k) ?? kinds.set(k, { gold: 0, recalled: 0, predicted: 0, correct: 0 }).get(k)!
  const uncued = { count: 0, hits: 0 }
  const heldOut = { count: 0, hits: 0 }
  const heldOutKinds = new Map<IdentifierKind, { count: number; hits: number }>()
  const withContext = { count: 0, hits: 0 }
  const withoutContext = { count: 0, hits: 0 }
  const clinical = { count: 0, hits: 0 }
  const numeric = { count: 0, hits: 0 }

  for (const note of notes) {
    const predicted = predict(note)
    const covered = coverage(note.text.length, predicted)
    const goldCovered = coverage(note.text.length, note.gold)
    for (const g of note.gold) {
      const removed = isRemoved(note.text, covered, g)
      const k = kind(g.kind)
      k.gold++
      if (removed) k.recalled++
      const byContext = note.context ? withContext : withoutContext
      byContext.count++
      if (removed) byContext.hits++
      if (g.phrasing === 'held-out') {
        const k = heldOutKinds.get(g.kind) ?? heldOutKinds.set(g.kind, { count: 0, hits: 0 }).get(g.kind)!
        heldOut.count++
        k.count++
        if (removed) {
          heldOut.hits++
          k.hits++
        }
      }
      if (g.kind === 'NAME' && g.cue === 'uncued') {
        uncued.count++
        if (removed) uncued.hits++
      }
      if (!removed && misses) misses.push({ kind: g.kind, value: note.text.slice(g.start, g.end), around: note.text.slice(Math.max(0, g.start - 40), g.end + 40) })
    }
    for (const p of predicted) {
      const k = kind(p.kind)
      k.predicted++
      if (overlapsAny(goldCovered, p.start, p.end)) k.correct++
    }
    for (const m of note.text.matchAll(/\S+/g)) {
      const start = m.index
      const end = start + m[0].length
      if (overlapsAny(goldCovered, start, end)) continue
      const hit = overlapsAny(covered, start, end)
      clinical.count++
      if (hit) clinical.hits++
      if (/\d/.test(m[0])) {
        numeric.count++
        if (hit) numeric.hits++
      }
    }
  }

  const byKind: DeidScore['byKind'] = {}
  let gold = 0
  let recalled = 0
  let predictedAll = 0
  let correct = 0
  for (const [k, s] of [...kinds].sort(([a], [b]) => a.localeCompare(b))) {
    byKind[k] = { ...s, recall: s.gold === 0 ? 1 : round(s.recalled / s.gold), precision: s.predicted === 0 ? 1 : round(s.correct / s.predicted) }
    gold += s.gold
    recalled += s.recalled
    predictedAll += s.predicted
    correct += s.correct
  }
  const groups = Object.fromEntries(
    Object.entries(GROUPS).map(([name, members]) => {
      const g = members.reduce((acc, m) => ({ count: acc.count + (kinds.get(m)?.gold ?? 0), hits: acc.hits + (kinds.get(m)?.recalled ?? 0) }), { count: 0, hits: 0 })
      return [name, rate(g.count, g.hits)]
    }),
  ) as DeidScore['groups']
  return {
    notes: notes.length,
    byKind,
    groups,
    overall: { recall: gold === 0 ? 1 : round(recalled / gold), precision: predictedAll === 0 ? 1 : round(correct / predictedAll) },
    uncuedNames: rate(uncued.count, uncued.hits),
    heldOutPhrasing: {
      ...rate(heldOut.count, heldOut.hits),
      byKind: Object.fromEntries([...heldOutKinds].sort(([a], [b]) => a.localeCompare(b)).map(([k, r]) => [k, rate(r.count, r.hits)])),
    },
    recallWithContext: rate(withContext.count, withContext.hits),
    recallWithoutContext: rate(withoutContext.count, withoutContext.hits),
    clinicalTokensRemoved: rate(clinical.count, clinical.hits),
    numericClinicalTokensRemoved: rate(numeric.count, numeric.hits),
  }
}
