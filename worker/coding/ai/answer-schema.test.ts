import { describe, expect, it } from 'vitest'
import { AiCodingAnswer, answerJsonSchema } from './answer-schema'

describe('the answer schema sent in JSON mode', () => {
  it('is a plain JSON Schema object requiring both lists, with the code patterns and confidence bounds', () => {
    const schema = answerJsonSchema()
    expect(schema).not.toHaveProperty('$schema')
    expect(schema).toMatchObject({ type: 'object', required: ['diagnoses', 'procedures'] })
    const diagnosis = (schema as { properties: { diagnoses: { items: { properties: Record<string, unknown>; required: string[] } } } }).properties.diagnoses.items
    expect(diagnosis.required).toEqual(['code', 'confidence', 'evidence'])
    expect(diagnosis.properties['confidence']).toMatchObject({ type: 'number', minimum: 0, maximum: 1 })
    expect(diagnosis.properties['code']).toHaveProperty('pattern')
  })

  it('accepts what it describes', () => {
    expect(AiCodingAnswer.safeParse({ diagnoses: [{ code: 'E11.9', confidence: 0.9, evidence: 'x' }], procedures: [{ code: '99213', confidence: 0.5, evidence: 'y', units: 1, modifiers: ['25'] }] }).success).toBe(true)
  })
})
