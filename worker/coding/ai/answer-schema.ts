import { z } from 'zod'

// Bounded so one answer cannot flood a claim: a CMS-1500 carries 12 diagnoses and a few dozen lines.
const MAX_DIAGNOSES = 12
const MAX_PROCEDURES = 24

const confidence = z.number().min(0).max(1).describe('How sure, from 0 to 1, that the documentation supports this code')
const evidence = z.string().max(300).describe('The exact words of the note that support the code, copied verbatim')

export const AiDiagnosis = z.object({
  code: z.string().trim().toUpperCase().regex(/^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$/).describe('A billable ICD-10-CM code, e.g. E11.9'),
  confidence,
  evidence,
})

export const AiProcedure = z.object({
  code: z.string().trim().toUpperCase().regex(/^([0-9]{4}[0-9FMTU]|[A-V][0-9]{4})$/).describe('A CPT or HCPCS Level II code, e.g. 99213'),
  confidence,
  evidence,
  units: z.int().min(1).max(999).optional(),
  modifiers: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).max(4).optional(),
})

/** What the model is asked for: the JSON Schema sent in JSON mode is generated from this, so the two cannot drift. */
export const AiCodingAnswer = z.object({
  diagnoses: z.array(AiDiagnosis).max(MAX_DIAGNOSES).describe('Diagnoses, the main reason for the visit first'),
  procedures: z.array(AiProcedure).max(MAX_PROCEDURES).describe('Services performed at this encounter'),
})
export type AiCodingAnswer = z.infer<typeof AiCodingAnswer>

/**
 * What is accepted back: the same envelope with each item checked on its own, so one malformed item is
 * rejected with its reason while the rest of the answer is kept.
 */
export const AiAnswerEnvelope = z.object({
  diagnoses: z.array(z.unknown()).max(MAX_DIAGNOSES * 4),
  procedures: z.array(z.unknown()).max(MAX_PROCEDURES * 4).default([]),
})

let jsonSchema: Record<string, unknown> | undefined

/** The answer's JSON Schema, without the `$schema` key (the JSON mode validator wants the schema object only). */
export function answerJsonSchema(): Record<string, unknown> {
  if (jsonSchema === undefined) {
    const { $schema: _dialect, ...schema } = z.toJSONSchema(AiCodingAnswer)
    jsonSchema = schema
  }
  return jsonSchema
}
