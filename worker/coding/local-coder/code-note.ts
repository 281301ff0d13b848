import { formatIcd10 } from '../format-icd10'
import { icd10Description } from '../code-descriptions'
import type { CodedClaim, CodedDiagnosis, CodedServiceLine, EvidenceSpan } from './coded-claim'
import { contextRanges } from './context'
import { codeNoteDiagnoses, codePhrase, type FoundDiagnosis } from './diagnosis-finder'
import { selectEmLevel } from './em-level'
import { findProcedures } from './procedure-coder'
import { splitSections } from './sections'
import { tokenize } from './tokens'

export type LocalCoderOptions = { maxDiagnoses?: number }

// Service lines that make a same-day E/M need modifier 25 (minor procedures with a global period and
// injections); labs, imaging and vaccines do not.
const NEEDS_MODIFIER_25 = new Set(['96372', '20610', '20526', '11102', '17110', '17000', '69210', '94640', '90471', '90460'])

// A phrase is what a search box or a problem list holds; anything longer or with headings is a note.
const PHRASE_MAX_WORDS = 14

function evidence(text: string, spans: readonly { start: number; end: number }[]): EvidenceSpan[] {
  return spans.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) }))
}

function confidenceOf(d: FoundDiagnosis, rank: number, phrase: boolean): number {
  const base = Math.max(0, Math.min(1, (d.score - 0.3) / 0.8))
  return Math.round((phrase ? base * (rank === 0 ? 1 : 0.6 / rank) : base) * 1000) / 1000
}

function looksLikeVisit(text: string, hasTime: boolean, hasSections: boolean): boolean {
  return hasTime || (hasSections && /\b(?:cc|chief complaint|hpi|subjective|history of present illness)\s*:/i.test(text) && /\b(?:a\/p|assessment|plan|impression)\s*:/i.test(text))
}

/**
 * The local coder: no binding, no network, deterministic. Reads a note (or a diagnostic phrase) and
 * proposes billable ICD-10-CM codes in claim order, the E/M level and the documented services, each
 * with a confidence and the character spans it was read from.
 */
export function codeNoteLocally(text: string, options: LocalCoderOptions = {}): CodedClaim {
  const maxDiagnoses = options.maxDiagnoses ?? 12
  const context = contextRanges(text)
  const sections = splitSections(text)
  const isPhrase = sections.every((s) => s.kind === 'other') && !text.includes('\n') && tokenize(text).length <= PHRASE_MAX_WORDS
  const found = isPhrase ? codePhrase(text, context, Math.min(5, maxDiagnoses)) : codeNoteDiagnoses(text, sections, context).slice(0, maxDiagnoses)
  const diagnoses: CodedDiagnosis[] = found.map((d, i) => ({
    code: formatIcd10(d.code),
    description: icd10Description(d.code) ?? '',
    confidence: confidenceOf(d, i, isPhrase),
    evidence: evidence(text, d.spans),
    engine: 'local',
  }))
  const lines: CodedServiceLine[] = []
  if (!isPhrase) {
    const procedures = findProcedures(text, sections, context)
    const pointers = diagnoses.slice(0, 4).map((_, i) => i + 1)
    const em = selectEmLevel(text, { diagnoses: diagnoses.length, chronicWorse: /\b(?:worsening|exacerbation|uncontrolled|poorly controlled|flare)\b/i.test(text), tests: procedures.length })
    if (looksLikeVisit(text, em.basis === 'time', sections.length > 1)) {
      const modifier25 = procedures.some((p) => NEEDS_MODIFIER_25.has(p.code)) || /separately identifiable/i.test(text)
      lines.push({ code: em.code, modifiers: modifier25 ? ['25'] : [], units: 1, diagnosisPointers: pointers, confidence: em.confidence, evidence: em.basis === 'time' ? evidence(text, [em]) : [], engine: 'local' })
    }
    for (const p of procedures) {
      lines.push({ code: p.code, modifiers: [], units: p.units, diagnosisPointers: pointers.slice(0, 1), confidence: p.confidence, evidence: evidence(text, [p]), engine: 'local' })
    }
  }
  // A phrase's alternatives are not claims of the phrase: its confidence is the best code's.
  const all = isPhrase ? diagnoses.slice(0, 1).map((d) => d.confidence) : [...diagnoses.map((d) => d.confidence), ...lines.map((l) => l.confidence)]
  const confidence = all.length === 0 ? 0 : Math.round((all.reduce((a, b) => a + b, 0) / all.length) * 1000) / 1000
  return { diagnoses, lines, confidence }
}
