import { deidentify } from '../deid'
import type { AiRunner } from './ai-runner'
import { answerJsonSchema } from './answer-schema'
import { WORKERS_AI_ENGINE, type CodeSuggestion, type RejectedCode } from './code-suggestion'
import { codingMessages } from './prompt'
import { readModelOutput } from './read-model-output'
import { validateAnswer } from './validate-answer'

/** An instruction model with JSON mode on Workers AI. */
export const DEFAULT_CODING_MODEL = '@cf/meta/llama-3.3-70b-instruct-fp8-fast'

export type AiCodingOptions = {
  model?: string
  /** The coder has local engines to fall back on: a slow model is not worth holding a queue message for. */
  timeoutMs?: number
  /** Longer notes are cut at a word boundary; the local engines still read the whole note. */
  maxChars?: number
}

export type AiCodingFailure = 'no-binding' | 'empty-text' | 'not-deidentified' | 'timeout' | 'binding-error' | 'malformed-json' | 'wrong-shape'

export type AiCodingResult =
  | { ok: true; model: string; accepted: CodeSuggestion[]; rejected: RejectedCode[]; truncated: boolean }
  | { ok: false; model: string; reason: AiCodingFailure; detail: string }

const DEFAULTS = { model: DEFAULT_CODING_MODEL, timeoutMs: 20_000, maxChars: 24_000 }

/**
 * Asks the model for codes for a de-identified note and keeps only what validates. Every failure (no
 * binding, a refusal to send text that still holds identifiers, a timeout, an error from the binding, an
 * answer that is not JSON or not the schema) is a result, never an exception: the local engines carry on.
 */
export async function aiCodeSuggestions(ai: AiRunner | undefined, deidentifiedText: string, options: AiCodingOptions = {}): Promise<AiCodingResult> {
  const model = options.model ?? DEFAULTS.model
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs
  const maxChars = options.maxChars ?? DEFAULTS.maxChars
  const fail = (reason: AiCodingFailure, detail: string): AiCodingResult => ({ ok: false, model, reason, detail })
  if (ai === undefined) return fail('no-binding', 'no AI binding in this environment')
  if (typeof deidentifiedText !== 'string' || deidentifiedText.trim() === '') return fail('empty-text', 'there is no text to code')

  const { text, truncated } = cut(deidentifiedText, maxChars)
  // Belt and braces: the caller de-identifies; if identifiers are still found in what would be sent, nothing leaves the Worker.
  const leftover = identifierKinds(text)
  if (leftover.length > 0) return fail('not-deidentified', `the text still holds identifiers (${leftover.join(', ')}); de-identify it first`)

  const called = await settleWithin(
    () => ai.run(model, { messages: codingMessages(text), response_format: { type: 'json_schema', json_schema: answerJsonSchema() }, temperature: 0 }),
    timeoutMs,
  )
  if (called.kind === 'timeout') return fail('timeout', `no answer within ${timeoutMs} ms`)
  if (called.kind === 'error') return fail('binding-error', called.detail)
  const output = readModelOutput(called.value)
  if (!output.ok) return fail(output.reason, output.detail)
  const validated = validateAnswer(output.value, text, WORKERS_AI_ENGINE)
  if (!validated.ok) return fail(validated.reason, validated.detail)
  return { ok: true, model, accepted: validated.accepted, rejected: validated.rejected, truncated }
}

function identifierKinds(text: string): string[] {
  return [...new Set(deidentify(text).spans.map((s) => s.kind))]
}

function cut(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false }
  const lastSpace = text.lastIndexOf(' ', maxChars)
  return { text: text.slice(0, lastSpace > maxChars / 2 ? lastSpace : maxChars), truncated: true }
}

type Settled = { kind: 'value'; value: unknown } | { kind: 'timeout' } | { kind: 'error'; detail: string }

async function settleWithin(call: () => Promise<unknown>, timeoutMs: number): Promise<Settled> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs)
  })
  const answer = (async (): Promise<Settled> => ({ kind: 'value', value: await call() }))().catch(
    (error: unknown): Settled => ({ kind: 'error', detail: errorDetail(error) }),
  )
  try {
    return await Promise.race([answer, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** The binding's error name and a bounded message: enough to tell a quota from an outage in the AI health page. */
function errorDetail(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 200)}`
  return 'the AI binding failed without an error object'
}
