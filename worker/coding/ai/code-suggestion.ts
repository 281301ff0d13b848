/** ICD-10-CM diagnoses, or CPT/HCPCS procedures: the two code sets a claim carries. */
export type CodeSystem = 'icd10cm' | 'procedure'

/** [start, end) in UTF-16 code units of the de-identified text, never of the original note. */
export type EvidenceSpan = { start: number; end: number }

/**
 * One code an engine proposes. `engine` names who proposed it (`workers-ai`, the local coder, the learned
 * coder), so that a biller and the learning loop can tell engines apart after a merge.
 */
export type CodeSuggestion = {
  system: CodeSystem
  /** ICD-10-CM without the dot (as claims carry it); CPT/HCPCS upper case. */
  code: string
  /** 0..1 */
  confidence: number
  engine: string
  evidence: EvidenceSpan[]
  units?: number
  modifiers?: string[]
}

/** A code the AI proposed that did not pass validation, with a reason a biller (or an engineer) understands. */
export type RejectedCode = { system: CodeSystem | 'unknown'; code: string; reason: string }

export const WORKERS_AI_ENGINE = 'workers-ai'
