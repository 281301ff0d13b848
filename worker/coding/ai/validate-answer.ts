import type { z } from 'zod'
import { icd10Status, isKnownProcedureCode } from '../code-sets'
import { formatIcd10 } from '../format-icd10'
import { AiAnswerEnvelope, AiDiagnosis, AiProcedure } from './answer-schema'
import type { CodeSuggestion, CodeSystem, RejectedCode } from './code-suggestion'
import { locateEvidence } from './locate-evidence'

export type AnswerValidation = { ok: true; accepted: CodeSuggestion[]; rejected: RejectedCode[] } | { ok: false; reason: 'wrong-shape'; detail: string }

// A code whose quoted evidence is not in the text is weaker evidence: it may be right, but the model could not show why.
const UNSUPPORTED_EVIDENCE_FACTOR = 0.5

/**
 * Checks a parsed answer: the envelope as a whole, then each item on its own against the schema and the
 * code sets. Only billable ICD-10-CM codes and known CPT/HCPCS codes are accepted; every other item is
 * rejected with its reason. A code proposed twice is kept once, at its higher confidence.
 */
export function validateAnswer(answer: unknown, text: string, engine: string): AnswerValidation {
  const envelope = AiAnswerEnvelope.safeParse(answer)
  if (!envelope.success) return { ok: false, reason: 'wrong-shape', detail: describeIssues(envelope.error) }
  const accepted = new Map<string, CodeSuggestion>()
  const rejected: RejectedCode[] = []
  const keep = (suggestion: CodeSuggestion) => {
    const key = `${suggestion.system}|${suggestion.code}`
    const earlier = accepted.get(key)
    if (earlier === undefined || suggestion.confidence > earlier.confidence) accepted.set(key, suggestion)
  }
  for (const item of envelope.data.diagnoses) {
    const parsed = AiDiagnosis.safeParse(item)
    if (!parsed.success) {
      rejected.push({ system: 'icd10cm', code: codeOf(item), reason: `not a well-formed diagnosis: ${describeIssues(parsed.error)}` })
      continue
    }
    const code = parsed.data.code.replace('.', '')
    const status = icd10Status(code)
    if (status !== 'billable') {
      rejected.push({ system: 'icd10cm', code: formatIcd10(code), reason: status === 'header' ? 'a category header, not a billable code' : 'not in the ICD-10-CM code set' })
      continue
    }
    keep(suggestion('icd10cm', code, parsed.data, text, engine))
  }
  for (const item of envelope.data.procedures) {
    const parsed = AiProcedure.safeParse(item)
    if (!parsed.success) {
      rejected.push({ system: 'procedure', code: codeOf(item), reason: `not a well-formed procedure: ${describeIssues(parsed.error)}` })
      continue
    }
    if (!isKnownProcedureCode(parsed.data.code)) {
      rejected.push({ system: 'procedure', code: parsed.data.code, reason: 'not a known CPT or HCPCS code' })
      continue
    }
    const found = suggestion('procedure', parsed.data.code, parsed.data, text, engine)
    if (parsed.data.units !== undefined) found.units = parsed.data.units
    if (parsed.data.modifiers !== undefined) found.modifiers = parsed.data.modifiers
    keep(found)
  }
  return { ok: true, accepted: [...accepted.values()], rejected }
}

function suggestion(system: CodeSystem, code: string, item: { confidence: number; evidence: string }, text: string, engine: string): CodeSuggestion {
  const span = locateEvidence(text, item.evidence)
  return {
    system,
    code,
    confidence: span ? item.confidence : item.confidence * UNSUPPORTED_EVIDENCE_FACTOR,
    engine,
    evidence: span ? [span] : [],
  }
}

/** The code as the model wrote it, for the rejection report; bounded, since it is untrusted. */
function codeOf(item: unknown): string {
  if (typeof item !== 'object' || item === null || !('code' in item)) return ''
  return typeof item.code === 'string' ? item.code.slice(0, 16) : ''
}

/** Paths and messages only: never the values, which came from the model. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'answer'}: ${issue.message}`)
    .join('; ')
}
