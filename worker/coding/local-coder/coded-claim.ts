import { z } from 'zod'

/** Where in the (de-identified) text a code was read from: character offsets, end exclusive. */
export const EvidenceSpan = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() })

export const CoderEngine = z.enum(['local', 'learned', 'workers-ai'])

export const CodedDiagnosis = z.object({
  /** Billable ICD-10-CM code with the dot, as printed on a claim form. */
  code: z.string().regex(/^[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?$/),
  description: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSpan),
  engine: CoderEngine,
})

export const CodedServiceLine = z.object({
  /** CPT or HCPCS Level II code. */
  code: z.string().regex(/^(?:[0-9]{4}[0-9FTU]|[A-V][0-9]{4})$/),
  modifiers: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).max(4),
  units: z.number().int().positive(),
  /** 1-based indexes into `diagnoses`, at most four as on the 837P. */
  diagnosisPointers: z.array(z.number().int().min(1).max(12)).max(4),
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSpan),
  engine: CoderEngine,
})

/** What a coding engine proposes for one note: diagnoses in claim order, service lines, overall confidence. */
export const CodedClaim = z.object({
  diagnoses: z.array(CodedDiagnosis).max(12),
  lines: z.array(CodedServiceLine),
  confidence: z.number().min(0).max(1),
})

export type EvidenceSpan = z.infer<typeof EvidenceSpan>
export type CoderEngine = z.infer<typeof CoderEngine>
export type CodedDiagnosis = z.infer<typeof CodedDiagnosis>
export type CodedServiceLine = z.infer<typeof CodedServiceLine>
export type CodedClaim = z.infer<typeof CodedClaim>
