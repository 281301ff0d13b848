import { z } from 'zod'
import type { Problem } from '$contracts'
import { RiskThreshold, RiskTrainParams } from '$contracts/risk'

/** The hyperparameters the page offers; the others keep the defaults scheduled runs use. */
export const TRAIN_FIELDS = ['trees', 'maxDepth', 'learningRate', 'seed'] as const
export type TrainField = (typeof TRAIN_FIELDS)[number]
export type TrainValues = Record<TrainField, number>

export const TRAIN_FIELD_LABELS: Record<TrainField, string> = {
  trees: 'Trees',
  maxDepth: 'Depth',
  learningRate: 'Learning rate',
  seed: 'Seed',
}

/** The contract's own defaults, so the form starts where a scheduled run would. */
export function defaultTrainValues(): TrainValues {
  const defaults = RiskTrainParams.parse({})
  return { trees: defaults.trees, maxDepth: defaults.maxDepth, learningRate: defaults.learningRate, seed: defaults.seed }
}

type Bounds = { min: number; max: number; whole: boolean; minExclusive: boolean }

/** Bounds read from the contract rather than copied, so the form and the API cannot disagree. */
function boundsOf(schema: z.ZodType): Bounds {
  const inner = schema instanceof z.ZodDefault ? schema.unwrap() : schema
  if (!(inner instanceof z.ZodNumber)) throw new TypeError('expected a number schema')
  const min = inner.minValue ?? -Infinity
  // zod keeps `gt` and `min` apart only in its checks; asking the schema about the bound itself is public.
  return { min, max: inner.maxValue ?? Infinity, whole: inner.isInt, minExclusive: !inner.safeParse(min).success }
}

export const TRAIN_BOUNDS: Record<TrainField, Bounds> = {
  trees: boundsOf(RiskTrainParams.shape.trees),
  maxDepth: boundsOf(RiskTrainParams.shape.maxDepth),
  learningRate: boundsOf(RiskTrainParams.shape.learningRate),
  seed: boundsOf(RiskTrainParams.shape.seed),
}

export const THRESHOLD_BOUNDS = boundsOf(RiskThreshold.shape.threshold)

const number = (n: number) => n.toLocaleString('en-US')

/** "a whole number from 1 to 1,000" / "more than 0 and at most 1". */
export function rangeText(bounds: Bounds): string {
  if (bounds.whole) return `a whole number from ${number(bounds.min)} to ${number(bounds.max)}`
  return `${bounds.minExclusive ? 'more than' : 'at least'} ${number(bounds.min)} and at most ${number(bounds.max)}`
}

/** Null when `value` fits, else what to enter instead. */
export function checkValue(value: number, bounds: Bounds, label: string): string | null {
  const fits =
    Number.isFinite(value) &&
    (!bounds.whole || Number.isInteger(value)) &&
    (bounds.minExclusive ? value > bounds.min : value >= bounds.min) &&
    value <= bounds.max
  return fits ? null : `${label}: enter ${rangeText(bounds)}.`
}

/** Messages for the fields that do not fit, checked before the request so the answer is instant. */
export function checkTrainValues(values: TrainValues): Partial<Record<TrainField, string>> {
  const errors: Partial<Record<TrainField, string>> = {}
  for (const field of TRAIN_FIELDS) {
    const message = checkValue(values[field], TRAIN_BOUNDS[field], TRAIN_FIELD_LABELS[field])
    if (message) errors[field] = message
  }
  return errors
}

/** The API's findings about `params` ("/params/trees") placed next to their inputs. */
export function paramErrors(problem: Problem | null): Partial<Record<TrainField, string>> {
  const errors: Partial<Record<TrainField, string>> = {}
  for (const finding of problem?.errors ?? []) {
    const [, top, field] = finding.where.split('/')
    if (top === 'params' && (TRAIN_FIELDS as readonly string[]).includes(field ?? '')) errors[field as TrainField] ??= finding.message
  }
  return errors
}
