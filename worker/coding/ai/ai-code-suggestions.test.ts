import { describe, expect, it } from 'vitest'
import { deidentify } from '../deid'
import type { AiRunner } from './ai-runner'
import { aiCodeSuggestions, DEFAULT_CODING_MODEL } from './ai-code-suggestions'
import { answerJsonSchema } from './answer-schema'
import { fakeAi } from './fake-ai'
import { NOTE_WITH_PHI, PHI_VALUES } from './test/clinical-note'

// Compile-time proof that the real binding fits where the fake goes.
const acceptsBinding = (ai: Ai): AiRunner => ai
void acceptsBinding

const text = deidentify(NOTE_WITH_PHI).text
const codesOf = (result: Awaited<ReturnType<typeof aiCodeSuggestions>>) => (result.ok ? result.accepted.map((c) => `${c.system}:${c.code}`) : [])

describe('aiCodeSuggestions', () => {
  it('accepts a good answer: billable and known codes, each with its engine and evidence in the de-identified text', async () => {
    const ai = fakeAi('good')
    const result = await aiCodeSuggestions(ai, text)
    expect(result).toMatchObject({ ok: true, model: DEFAULT_CODING_MODEL, rejected: [], truncated: false })
    expect(codesOf(result)).toEqual(['icd10cm:E119', 'icd10cm:I10', 'procedure:99213', 'procedure:85025'])
    if (!result.ok) return
    const diabetes = result.accepted[0]!
    expect(diabetes).toMatchObject({ engine: 'workers-ai', confidence: 0.93 })
    expect(text.slice(diabetes.evidence[0]!.start, diabetes.evidence[0]!.end)).toBe('type 2 diabetes mellitus without complications')
    expect(result.accepted[2]).toMatchObject({ code: '99213', units: 1 })
  })

  it('asks in JSON mode with the schema, once, with the note as the user turn', async () => {
    const ai = fakeAi('good')
    await aiCodeSuggestions(ai, text, { model: '@cf/test/model' })
    expect(ai.calls).toHaveLength(1)
    const { model, inputs } = ai.calls[0]!
    expect(model).toBe('@cf/test/model')
    expect(inputs.response_format).toEqual({ type: 'json_schema', json_schema: answerJsonSchema() })
    expect(inputs.messages.map((m) => m.role)).toEqual(['system', 'user'])
    expect(inputs.messages[1]?.content).toBe(text)
  })

  it('keeps the valid part of a partial answer and reports every other code with its reason', async () => {
    const result = await aiCodeSuggestions(fakeAi('partial'), text)
    expect(codesOf(result)).toEqual(['icd10cm:E119', 'procedure:99213'])
    expect(result.ok && result.rejected).toEqual([
      { system: 'icd10cm', code: 'E11', reason: 'a category header, not a billable code' },
      { system: 'icd10cm', code: 'Q99.99', reason: 'not in the ICD-10-CM code set' },
      { system: 'icd10cm', code: 'I10', reason: expect.stringContaining('not a well-formed diagnosis: confidence') as string },
      { system: 'procedure', code: '99999', reason: 'not a known CPT or HCPCS code' },
    ])
  })

  it('accepts nothing from an invalid answer, and says why for each code', async () => {
    const result = await aiCodeSuggestions(fakeAi('invalid'), text)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.accepted).toEqual([])
    expect(result.rejected.map((r) => [r.code, r.reason.split(':')[0]])).toEqual([
      ['diabetes', 'not a well-formed diagnosis'],
      ['R51', 'a category header, not a billable code'],
      ['9921', 'not a well-formed procedure'],
    ])
  })

  it('reads a good answer returned as a string in a code fence', async () => {
    expect(codesOf(await aiCodeSuggestions(fakeAi('fenced-string'), text))).toEqual(['icd10cm:E119', 'icd10cm:I10', 'procedure:99213', 'procedure:85025'])
  })

  it.each([
    ['malformed', 'malformed-json'],
    ['wrong-shape', 'wrong-shape'],
    ['error', 'binding-error'],
  ] as const)('turns a %s answer into a result, not an exception', async (scenario, reason) => {
    const result = await aiCodeSuggestions(fakeAi(scenario), text)
    expect(result).toEqual({ ok: false, model: DEFAULT_CODING_MODEL, reason, detail: expect.any(String) as string })
  })

  it('gives up after the timeout when the binding never answers', async () => {
    const result = await aiCodeSuggestions(fakeAi('timeout'), text, { timeoutMs: 20 })
    expect(result).toEqual({ ok: false, model: DEFAULT_CODING_MODEL, reason: 'timeout', detail: 'no answer within 20 ms' })
  })

  it('reports no binding and empty text without calling anything', async () => {
    expect(await aiCodeSuggestions(undefined, text)).toMatchObject({ ok: false, reason: 'no-binding' })
    const ai = fakeAi('good')
    expect(await aiCodeSuggestions(ai, '   ')).toMatchObject({ ok: false, reason: 'empty-text' })
    expect(ai.calls).toEqual([])
  })

  it('cuts a very long note at a word boundary and says so', async () => {
    const ai = fakeAi('good')
    const long = `${text} ${'follow up as planned '.repeat(2_000)}`
    const result = await aiCodeSuggestions(ai, long, { maxChars: 5_000 })
    expect(result).toMatchObject({ ok: true, truncated: true })
    const sent = ai.calls[0]!.inputs.messages[1]!.content
    expect(sent.length).toBeLessThanOrEqual(5_000)
    expect(long.startsWith(sent)).toBe(true)
  })
})

describe('what reaches the model', () => {
  it('is the de-identified text only: none of the note’s identifiers is in anything the binding received', async () => {
    const ai = fakeAi('good')
    await aiCodeSuggestions(ai, deidentify(NOTE_WITH_PHI).text)
    const sent = JSON.stringify(ai.calls)
    expect(ai.calls).toHaveLength(1)
    for (const value of PHI_VALUES) expect(sent, value).not.toContain(value)
    expect(sent).toContain('[NAME_1]')
    expect(sent).toContain('type 2 diabetes mellitus')
  })

  it('is nothing at all when the caller passes text that still holds identifiers', async () => {
    const ai = fakeAi('good')
    const result = await aiCodeSuggestions(ai, NOTE_WITH_PHI)
    expect(result).toMatchObject({ ok: false, reason: 'not-deidentified' })
    expect(ai.calls).toEqual([])
    // The refusal names the kinds of identifier, never their values.
    for (const value of PHI_VALUES) expect(JSON.stringify(result)).not.toContain(value)
  })
})
