import { describe, expect, it } from 'vitest'
import { GbdtShapeError } from './model'
import type { GbdtModel } from './model'
import type { GbdtModelDocument } from './model-document'
import { parseModel, serialiseModel } from './parse-model'
import { predict, predictMargin, predictMarginOne, predictOne } from './predict'
import { makeClassification } from './synthetic-data'
import { train } from './train'

function trainedDocument(options: Record<string, number> = {}): GbdtModelDocument {
  const data = makeClassification({ rows: 800, informative: 3, redundant: 1, noise: 2, clustersPerClass: 2, classSep: 1, flip: 0.02, seed: 4 })
  // Every 9th value missing, so stored defaults matter to the predictions compared below.
  for (let k = 0; k < data.x.values.length; k += 9) data.x.values[k] = Number.NaN
  const result = train({ rows: data.x, labels: data.y, featureNames: data.featureNames }, { trees: 12, maxDepth: 4, ...options })
  if (!result.ok) throw new Error(result.message)
  return result.document
}

const doc = trainedDocument()
const text = JSON.stringify(doc)
const copy = (): GbdtModelDocument => JSON.parse(text)
const batch = makeClassification({ rows: 300, informative: 3, redundant: 1, noise: 2, clustersPerClass: 2, classSep: 1, flip: 0, seed: 99 }).x.values
for (let k = 3; k < batch.length; k += 7) batch[k] = Number.NaN

function load(input: unknown): GbdtModel {
  const parsed = parseModel(input)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.model
}

/** The document's own trees walked node by node: what every faster path must agree with. */
function referenceMargin(d: GbdtModelDocument, row: ArrayLike<number>): number {
  let margin = d.baseScore
  for (const tree of d.trees) {
    let node = 0
    while (tree.feature[node]! >= 0) {
      const v = row[tree.feature[node]!]!
      const left = Number.isNaN(v) ? tree.defaultLeft[node] : v <= tree.threshold[node]!
      node = left ? tree.left[node]! : tree.right[node]!
    }
    margin += tree.value[node]!
  }
  return margin
}

describe('model document and prediction', () => {
  it('round-trips through JSON text to identical predictions', () => {
    const original = load(doc)
    const reloaded = load(serialiseModel(original))
    expect(serialiseModel(reloaded)).toBe(text)
    expect(predictMargin(reloaded, batch)).toEqual(predictMargin(original, batch))
  })

  it('batch, single-row and reference walks agree, missing values included, for padded and deep trees', () => {
    // Depth 4 takes the padded fixed-depth path; a leaf-limited model 14 deep takes the node-by-node one.
    for (const d of [doc, trainedDocument({ maxDepth: 0, maxLeaves: 40, minChildWeight: 0, lambda: 0.1 })]) {
      const model = load(d)
      const cols = d.featureNames.length
      const margins = predictMargin(model, batch)
      const probabilities = predict(model, { values: batch, rows: 300, cols })
      for (let i = 0; i < 300; i++) {
        const row = batch.subarray(i * cols, (i + 1) * cols)
        expect(margins[i]).toBeCloseTo(referenceMargin(d, row), 12)
        expect(predictMarginOne(model, Array.from(row))).toBe(margins[i])
        expect(predictOne(model, row)).toBe(probabilities[i])
      }
    }
    expect(load(trainedDocument({ maxDepth: 0, maxLeaves: 40, minChildWeight: 0, lambda: 0.1 })).perfect).toBeNull()
    expect(load(doc).perfect).not.toBeNull()
  })

  it('refuses another format, another version and text that is not JSON', () => {
    expect(parseModel('{"format":')).toMatchObject({ ok: false, reason: 'not-json' })
    expect(parseModel({ ...copy(), format: 'xgboost' })).toMatchObject({ ok: false, reason: 'not-a-model' })
    expect(parseModel(null)).toMatchObject({ ok: false, reason: 'not-a-model' })
    for (const version of [1, 3, '2', undefined]) {
      const result = parseModel({ ...copy(), version })
      expect(result).toMatchObject({ ok: false, reason: 'unsupported-version' })
      if (!result.ok) expect(result.message).toContain(`version ${String(version)}`)
    }
  })

  it('refuses corrupted documents with a message, without throwing', () => {
    const corruptions: [string, (d: GbdtModelDocument) => unknown, RegExp][] = [
      ['threshold lost to null (Infinity through JSON)', (d) => ((d.trees[0]!.threshold as unknown[])[0] = null), /trees\.0\.threshold\.0/],
      ['an infinite leaf value', (d) => (d.trees[0]!.value[0] = Number.POSITIVE_INFINITY), /trees\.0\.value\.0/],
      ['a NaN cover', (d) => (d.trees[0]!.cover[0] = Number.NaN), /trees\.0\.cover\.0/],
      ['a missing array', (d) => delete (d.trees[0] as Partial<GbdtModelDocument['trees'][0]>).cover, /trees\.0\.cover/],
      ['a missing base score', (d) => delete (d as Partial<GbdtModelDocument>).baseScore, /baseScore/],
      ['arrays of different lengths', (d) => d.trees[1]!.value.pop(), /tree 1: value has/],
      ['a child pointing back up (a cycle)', (d) => (d.trees[0]!.left[0] = 0), /child index out of range/],
      ['a child out of range', (d) => (d.trees[0]!.right[0] = 10_000), /child index out of range/],
      ['a node with two parents', (d) => (d.trees[0]!.right[0] = d.trees[0]!.left[0]!), /child index|parents/],
      ['a feature out of range', (d) => (d.trees[0]!.feature[0] = 99), /feature 99 out of range/],
      ['a leaf with children', (d) => (d.trees[0]!.feature[0] = -1), /leaf with children/],
      ['a negative cover', (d) => (d.trees[0]!.cover[0] = -1), /cover/],
      ['an empty tree', (d) => d.trees.push({ feature: [], threshold: [], defaultLeft: [], left: [], right: [], value: [], cover: [], gain: [] }), /no nodes/],
      ['no feature names', (d) => (d.featureNames = []), /featureNames/],
      ['trees not a list', (d) => ((d as { trees: unknown }).trees = 'none'), /trees/],
    ]
    for (const [name, corrupt, where] of corruptions) {
      const d = copy()
      corrupt(d)
      const result = parseModel(d)
      expect(result, name).toMatchObject({ ok: false, reason: 'corrupt' })
      if (!result.ok) expect(result.message, name).toMatch(where)
    }
  })

  it('throws GbdtShapeError for a batch or row of the wrong width', () => {
    const model = load(doc)
    expect(() => predictMargin(model, new Float64Array(7))).toThrow(GbdtShapeError)
    expect(() => predictOne(model, [1, 2])).toThrow(GbdtShapeError)
    expect(() => predict(model, { values: new Float64Array(12), rows: 3, cols: 4 })).toThrow(GbdtShapeError)
  })
})
