import { describe, expect, it } from 'vitest'
import { checkTrainValues, checkValue, defaultTrainValues, paramErrors, rangeText, THRESHOLD_BOUNDS, TRAIN_BOUNDS } from './train-params'

describe('training form values', () => {
  it('starts from the defaults scheduled runs use', () => {
    expect(defaultTrainValues()).toEqual({ trees: 300, maxDepth: 5, learningRate: 0.05, seed: 1 })
    expect(checkTrainValues(defaultTrainValues())).toEqual({})
  })

  it('reads its bounds from the contract', () => {
    expect(TRAIN_BOUNDS.trees).toEqual({ min: 1, max: 1000, whole: true, minExclusive: false })
    expect(TRAIN_BOUNDS.learningRate).toEqual({ min: 0, max: 1, whole: false, minExclusive: true })
    expect(THRESHOLD_BOUNDS).toMatchObject({ min: 1, max: 99, whole: true })
    expect(rangeText(TRAIN_BOUNDS.trees)).toBe('a whole number from 1 to 1,000')
    expect(rangeText(TRAIN_BOUNDS.learningRate)).toBe('more than 0 and at most 1')
  })

  it('names each field that does not fit', () => {
    const errors = checkTrainValues({ trees: 0, maxDepth: 13, learningRate: 0, seed: 1.5 })
    expect(errors).toEqual({
      trees: 'Trees: enter a whole number from 1 to 1,000.',
      maxDepth: 'Depth: enter a whole number from 1 to 12.',
      learningRate: 'Learning rate: enter more than 0 and at most 1.',
      seed: 'Seed: enter a whole number from 0 to 4,294,967,295.',
    })
    // An emptied number input reads as NaN.
    expect(checkValue(Number.NaN, THRESHOLD_BOUNDS, 'Threshold')).toBe('Threshold: enter a whole number from 1 to 99.')
    expect(checkValue(99, THRESHOLD_BOUNDS, 'Threshold')).toBeNull()
    expect(checkValue(100, THRESHOLD_BOUNDS, 'Threshold')).not.toBeNull()
  })

  it("places the API's findings about params next to their inputs", () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      errors: [
        { where: '/params/trees', message: 'Too big' },
        { where: '/params/trees', message: 'second' },
        { where: '/autoPromote', message: 'Expected boolean' },
        { where: '/params/lambda', message: 'not on the form' },
      ],
    }
    expect(paramErrors(problem)).toEqual({ trees: 'Too big' })
    expect(paramErrors(null)).toEqual({})
  })
})
