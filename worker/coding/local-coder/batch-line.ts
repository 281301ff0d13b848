import { z } from 'zod'
import { codeNoteLocally } from './code-note'

/** One input line of the batch coder. */
export const BatchInput = z.object({ text: z.string() })

/** One output line: the same order as the input, never skipped; `error` says why a line gave nothing. */
export type BatchOutput = { icd10: string[]; cpt: string[]; confidence: number; error?: string }

// A note longer than this is not a clinical note (a whole chart export, a binary read as text).
export const MAX_TEXT_CHARS = 1_000_000

const failed = (error: string): BatchOutput => ({ icd10: [], cpt: [], confidence: 0, error })

/** Codes one JSON line; bad input becomes an output line with empty lists and the reason, never a throw. */
export function codeBatchLine(line: string): BatchOutput {
  if (line.trim() === '') return failed('blank line')
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return failed('line is not valid JSON')
  }
  const parsed = BatchInput.safeParse(json)
  if (!parsed.success) return failed('expected an object with a string field "text"')
  const text = parsed.data.text
  if (text.trim() === '') return failed('text is empty')
  if (text.length > MAX_TEXT_CHARS) return failed(`text is longer than ${MAX_TEXT_CHARS} characters`)
  if (/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text.slice(0, 10_000)) && (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0) > text.length / 20) {
    return failed('text looks like binary data, not a note')
  }
  const coded = codeNoteLocally(text)
  return { icd10: coded.diagnoses.slice(0, 5).map((d) => d.code), cpt: coded.lines.map((l) => l.code), confidence: coded.confidence }
}
