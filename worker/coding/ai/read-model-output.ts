/** The model's answer as a value, or why there is none. Never echoes the output itself (it may be long or odd). */
export type ModelOutput = { ok: true; value: unknown } | { ok: false; reason: 'malformed-json' | 'wrong-shape'; detail: string }

/**
 * Workers AI returns `{ response }`: in JSON mode `response` is usually the parsed object, but some models
 * return it as a string, sometimes inside a Markdown code fence. Accept all three.
 */
export function readModelOutput(output: unknown): ModelOutput {
  if (typeof output !== 'object' || output === null || !('response' in output)) {
    return { ok: false, reason: 'wrong-shape', detail: 'the model returned no "response" field' }
  }
  const response: unknown = output.response
  if (typeof response !== 'string') return { ok: true, value: response }
  const json = response.trim().replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '')
  try {
    return { ok: true, value: JSON.parse(json) as unknown }
  } catch {
    return { ok: false, reason: 'malformed-json', detail: `the answer is not valid JSON (${response.length} characters)` }
  }
}
