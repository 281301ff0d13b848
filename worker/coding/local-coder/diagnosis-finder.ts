import { applyCombinations } from './combination-codes'
import { contextOf, type ContextRange } from './context'
import { diagnosisIndex } from './description-index'
import { rankDiagnoses, type RankedDiagnosis } from './diagnosis-ranker'
import { expandLayTerms, type ConceptHit } from './lay-term-matcher'
import { sectionItems, type Section } from './sections'
import { tokenize, type Token } from './tokens'

/** A diagnosis read from the text: code without the dot, its score and the spans that support it. */
export type FoundDiagnosis = { code: string; score: number; locked: boolean; spans: { start: number; end: number }[] }

/** Below this a stretch of text is not taken to name a diagnosis (plan lines, follow-up instructions). */
const ACCEPT = 0.72

// Conditions a note lists as history but that are still being treated, so still coded.
const CHRONIC = /^(?:I1[0-3]|I25|I48|I50|E0[35]|E1[01]|E66|E78|J4[45]|F1[0-7]|F2|F3[123]|F41|G2|G3|G4[07]|M0[56]|M1[5-9]|M81|N18|N40|K21|K5[018]|I73|D5|D6|E55|B18|B20|Z8)/

function affirmedTokens(text: string, start: number, end: number, context: readonly ContextRange[], allowHistory: boolean): Token[] {
  return tokenize(text.slice(start, end), start).filter((t) => {
    const kind = contextOf(context, t.start, t.end)
    return kind === null || (kind === 'historical' && allowHistory)
  })
}

function spansFor(code: string, tokens: readonly Token[], concepts: readonly ConceptHit[]): { start: number; end: number }[] {
  const { docOf, index } = diagnosisIndex()
  const doc = docOf.get(code)
  const titleTerms = new Set(doc === undefined ? [] : index.docTerms(doc))
  const spans = [...tokens.filter((t) => titleTerms.has(t.term)), ...concepts.filter((c) => c.code.slice(0, 3) === code.slice(0, 3))]
    .map((t) => ({ start: t.start, end: t.end }))
    .sort((x, y) => x.start - y.start)
  const merged: { start: number; end: number }[] = []
  for (const span of spans) {
    const last = merged.at(-1)
    if (last && span.start <= last.end + 2) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}

function found(ranked: RankedDiagnosis, tokens: readonly Token[], concepts: readonly ConceptHit[]): FoundDiagnosis {
  return { code: ranked.code, score: ranked.score, locked: ranked.exact, spans: spansFor(ranked.code, tokens, concepts) }
}

/** Codes for one stretch of text: the best match, plus the best of each other concept it names. */
function codeStretch(tokens: readonly Token[], accept: number): FoundDiagnosis[] {
  // A stretch that is word for word an official title is the clinician naming the code: take it as is.
  const verbatim = rankDiagnoses(tokens, [], 1)[0]
  if (verbatim?.exact) return [found(verbatim, tokens, [])]
  const { tokens: expanded, concepts } = expandLayTerms(tokens)
  const ranked = rankDiagnoses(expanded, concepts, 3)
  const best = ranked[0]
  const out: FoundDiagnosis[] = []
  if (best && best.score >= accept) out.push(found(best, tokens, concepts))
  if (best?.exact && out.length > 0) return out
  for (const concept of concepts) {
    if (out.some((d) => d.code.slice(0, 3) === concept.code.slice(0, 3))) continue
    if (out.some((d) => d.spans.some((s) => s.start <= concept.start && s.end >= concept.end))) continue
    const own = expanded.filter((t) => t.start >= concept.start && t.end <= concept.end)
    const pick = rankDiagnoses(own, [concept], 1)[0]
    if (pick) out.push(found(pick, tokens, [concept]))
  }
  return out
}

function combine(list: FoundDiagnosis[]): FoundDiagnosis[] {
  return applyCombinations(list, (code, from) => ({ code, score: Math.min(...from.map((d) => d.score)), locked: false, spans: from.flatMap((d) => d.spans) }))
}

/** A short text without headings: one query, ranked alternatives (the best first) for a reviewer. */
export function codePhrase(text: string, context: readonly ContextRange[], limit: number): FoundDiagnosis[] {
  const tokens = affirmedTokens(text, 0, text.length, context, true)
  if (tokens.length === 0) return []
  const { tokens: expanded, concepts } = expandLayTerms(tokens)
  const ranked = rankDiagnoses(expanded, concepts, limit + 3).map((r) => found(r, tokens, concepts))
  const perConcept = codeStretch(tokens, Number.POSITIVE_INFINITY)
  const combined = combine(perConcept.length > 1 ? perConcept : [])
  // A sign or symptom named beside a definitive diagnosis is part of it ("cough" in "chest cold with a
  // cough"): the diagnosis leads, the symptom stays as an alternative.
  // External causes (V-Y) are never first-listed.
  const definitive = perConcept.some((d) => !d.code.startsWith('R'))
  const tier = (code: string) => (/^[V-Y]/.test(code) ? 2 : definitive && code.startsWith('R') ? 1 : 0)
  const ordered = [...ranked].sort((x, y) => tier(x.code) - tier(y.code))
  const merged = [...combined.filter((d) => !perConcept.some((p) => p.code === d.code)), ...ordered]
  const seen = new Set<string>()
  return merged.filter((d) => (seen.has(d.code) ? false : (seen.add(d.code), true))).slice(0, limit)
}

const CLAUSE = /[^.;\n]+/g

/**
 * The same condition mentioned twice ("CC: R knee OA", "HPI: ... knee OA") is one diagnosis: keep the
 * most specific code the note supports (the longer code), at the place it was first mentioned.
 */
function mostSpecificPerCategory(list: readonly FoundDiagnosis[]): FoundDiagnosis[] {
  const best = new Map<string, FoundDiagnosis>()
  for (const d of list) {
    const head = d.code.slice(0, 3)
    const current = best.get(head)
    if (!current) best.set(head, d)
    else if (d.code.length > current.code.length) best.set(head, { ...d, spans: [...current.spans, ...d.spans] })
  }
  const order = [...new Set(list.map((d) => d.code.slice(0, 3)))]
  return order.map((head) => best.get(head)!)
}

function clauses(text: string, section: Section): { start: number; end: number }[] {
  const body = text.slice(section.start, section.end)
  return [...body.matchAll(CLAUSE)].map((m) => ({ start: section.start + m.index, end: section.start + m.index + m[0].length }))
}

/**
 * One sentence outside an assessment: each lay term or abbreviation it names (coded within its category,
 * using the whole sentence for laterality and specificity), or else an official title it states in full
 * ("Also reports urgency of urination"). History counts only for conditions still treated.
 */
function codeMention(text: string, clause: { start: number; end: number }, section: Section, context: readonly ContextRange[]): FoundDiagnosis[] {
  const tokens = affirmedTokens(text, clause.start, clause.end, context, true)
  if (tokens.length === 0) return []
  const { tokens: expanded, concepts } = expandLayTerms(tokens)
  const out: FoundDiagnosis[] = []
  for (const concept of concepts) {
    const historical = section.kind === 'history' || contextOf(context, concept.start, concept.end) === 'historical'
    if (historical && !CHRONIC.test(concept.code)) continue
    const head = concept.code.slice(0, 3)
    const pick = rankDiagnoses(expanded, [concept], 10).find((r) => r.code.startsWith(head)) ?? rankDiagnoses(expanded.filter((t) => t.start >= concept.start && t.end <= concept.end), [concept], 1)[0]
    if (pick) out.push(found(pick, tokens, [concept]))
  }
  if (concepts.length === 0 && section.kind !== 'history' && contextOf(context, clause.start, clause.end) !== 'historical') {
    const stated = rankDiagnoses(tokens, [], 1)[0]
    if (stated?.complete) out.push(found(stated, tokens, []))
  }
  return out
}

/**
 * A note: diagnoses from its assessment when it has one (what the clinician concluded), otherwise from
 * the affirmed, current mentions in the rest of the note. Negated, family and uncertain mentions are
 * never coded; history only for conditions still under treatment.
 */
export function codeNoteDiagnoses(text: string, sections: readonly Section[], context: readonly ContextRange[]): FoundDiagnosis[] {
  const diagnostic = sections.filter((s) => s.kind === 'diagnostic')
  const list: FoundDiagnosis[] = []
  if (diagnostic.length > 0) {
    for (const section of diagnostic) {
      for (const item of sectionItems(text, section)) list.push(...codeStretch(affirmedTokens(text, item.start, item.end, context, true), ACCEPT))
    }
  }
  if (list.length === 0) {
    for (const section of sections) {
      if (section.kind === 'excluded' || section.kind === 'procedures' || section.kind === 'plan') continue
      for (const clause of clauses(text, section)) list.push(...codeMention(text, clause, section, context))
    }
    return combine(mostSpecificPerCategory(list))
  }
  const seen = new Set<string>()
  return combine(list.filter((d) => (seen.has(d.code) ? false : (seen.add(d.code), true))))
}
