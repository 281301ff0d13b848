import type { AiRunner, JsonModeRequest } from './ai-runner'

/**
 * good: valid codes with evidence from the note the tests use. partial: some valid, some not (a header,
 * an unknown code, a malformed item). invalid: nothing valid. malformed: JSON cut off mid-answer.
 * wrong-shape: JSON, but not the schema. fenced-string: a good answer as a string in a code fence, as some
 * models return it. error: the binding throws (as it does locally). timeout: the binding never answers.
 */
export type FakeAiScenario = 'good' | 'partial' | 'invalid' | 'malformed' | 'wrong-shape' | 'fenced-string' | 'error' | 'timeout'

export type FakeAiCall = { model: string; inputs: JsonModeRequest }

/** The Workers AI binding for tests: answers by scenario and records every request it received. */
export type FakeAi = AiRunner & { calls: FakeAiCall[] }

const GOOD = {
  diagnoses: [
    { code: 'E11.9', confidence: 0.93, evidence: 'type 2 diabetes mellitus without complications' },
    { code: 'I10', confidence: 0.9, evidence: 'essential hypertension' },
  ],
  procedures: [
    { code: '99213', confidence: 0.7, evidence: 'office visit level 3', units: 1 },
    { code: '85025', confidence: 0.8, evidence: 'CBC ordered' },
  ],
}

const PARTIAL = {
  diagnoses: [
    { code: 'E11.9', confidence: 0.88, evidence: 'type 2 diabetes mellitus without complications' },
    { code: 'E11', confidence: 0.6, evidence: 'diabetes' },
    { code: 'Q99.99', confidence: 0.4, evidence: 'something the model imagined' },
    { code: 'I10', confidence: 7, evidence: 'essential hypertension' },
  ],
  procedures: [
    { code: '99213', confidence: 0.75, evidence: 'office visit level 3' },
    { code: '99999', confidence: 0.5, evidence: 'office visit' },
  ],
}

const INVALID = {
  diagnoses: [
    { code: 'diabetes', confidence: 0.9, evidence: 'type 2 diabetes' },
    { code: 'R51', confidence: 0.5, evidence: 'headache' },
  ],
  procedures: [{ code: '9921', confidence: 0.5, evidence: 'visit' }],
}

const ANSWERS: Record<FakeAiScenario, () => Promise<unknown>> = {
  good: async () => ({ response: GOOD, usage: { prompt_tokens: 900, completion_tokens: 120 } }),
  partial: async () => ({ response: PARTIAL }),
  invalid: async () => ({ response: INVALID }),
  malformed: async () => ({ response: '{"diagnoses": [{"code": "E11.9", "confidence": 0.9, "evid' }),
  'wrong-shape': async () => ({ response: { codes: ['E11.9', 'I10'] } }),
  'fenced-string': async () => ({ response: '```json\n' + JSON.stringify(GOOD) + '\n```' }),
  error: async () => {
    throw new Error('AiError: 3040: Capacity temporarily exceeded')
  },
  timeout: () => new Promise<never>(() => {}),
}

export function fakeAi(scenario: FakeAiScenario): FakeAi {
  const calls: FakeAiCall[] = []
  return {
    calls,
    run(model, inputs) {
      calls.push({ model, inputs: structuredClone(inputs) })
      return ANSWERS[scenario]()
    },
  }
}
