import { describe, expect, it } from 'vitest'
import { GbdtShapeError, loadModel, predictProba, predictProbaRow, predictRaw, predictRawRow } from './model'
import type { GbdtModelDocument } from './model'
import { makeClassification } from './synthetic-data'
import { trainGbdt } from './train'

function trainedDocument(): GbdtModelDocument {
  const data = makeClassification({ rows: 800, informative: 3, redundant: 1, noise: 2, clustersPerClass: 2, classSep: 1, flip: 0.02, seed: 4 })
  // Every 9th value missing, so stored defaults matter to the predictions compared below.
  for (let k = 0; k < data.x.values.length; k += 9) data.x.values[k] = Number.NaN
  const result = trainGbdt({ rows: data.x, labels: data.y, featureNames: data.featureNames, options: { trees: 12, maxDepth: 4 } })
  if (!result.ok) throw new Error(result.message)
  return result.document
}

const doc = trainedDocument()
const text = JSON.stringify(doc)
const copy = (): GbdtModelDocument => JSON.parse(text)
const batch = makeClassification({ rows: 300, informative: 3, redundant: 1, noise: 2, clustersPerClass: 2, classSep: 1, flip: 0, seed: 99 }).x.values
for (let k = 3; k < batch.length; k += 7) batch[k] = Number.NaN

describe('model document', () => {
  it('round-trips through JSON text to identical predictions', () => {
    const original = loadModel(doc)
    const reloaded = loadModel(text)
    if (!original.ok || !reloaded.ok) throw new Error('load failed')
    expect(JSON.stringify(reloaded.model.document)).toBe(text)
    expect(predictRaw(reloaded.model, batch)).toEqual(predictRaw(original.model, batch))
    const proba = predictProba(reloaded.model, batch)
    const cols = doc.featureNames.length
    for (let i = 0; i < 300; i++) {
      const row = batch.subarray(i * cols, (i + 1) * cols)
      expect(predictProbaRow(reloaded.model, row)).toBe(proba[i])
      expect(predictRawRow(reloaded.model, Array.from(row))).toBe(predictRaw(original.model, batch)[i])
    }
  })

  it('refuses another format, another version and text that is not JSON', () => {
    expect(loadModel('{"format":')).toMatchObject({ ok: false, reason: 'not-json' })
    expect(loadModel({ ...copy(), format: 'xgboost' })).toMatchObject({ ok: false, reason: 'not-a-model' })
    expect(loadModel(null)).toMatchObject({ ok: false, reason: 'not-a-model' })
    const v2 = loadModel({ ...copy(), version: 2 })
    expect(v2).toMatchObject({ ok: false, reason: 'unsupported-version' })
    if (!v2.ok) expect(v2.message).toContain('version 2')
  })

  it('refuses corrupted documents with a message, without throwing', () => {
    const corruptions: [string, (d: GbdtModelDocument) => unknown][] = [
      ['threshold lost to null (Infinity through JSON)', (d) => ((d.trees[0]!.threshold as unknown[])[0] = null)],
      ['a missing array', (d) => delete (d.trees[0] as Partial<GbdtModelDocument['trees'][0]>).cover],
      ['arrays of different lengths', (d) => d.trees[1]!.value.pop()],
      ['a child pointing back up (a cycle)', (d) => (d.trees[0]!.left[0] = 0)],
      ['a child out of range', (d) => (d.trees[0]!.right[0] = 10_000)],
      ['a node with two parents', (d) => (d.trees[0]!.right[0] = d.trees[0]!.left[0]!)],
      ['a feature out of range', (d) => (d.trees[0]!.feature[0] = 99)],
      ['a leaf with children', (d) => (d.trees[0]!.feature[0] = -1)],
      ['a negative cover', (d) => (d.trees[0]!.cover[0] = -1)],
      ['an empty tree', (d) => d.trees.push({ feature: [], threshold: [], defaultLeft: [], left: [], right: [], value: [], cover: [] })],
      ['no feature names', (d) => (d.featureNames = [])],
    ]
    for (const [name, corrupt] of corruptions) {
      const d = copy()
      corrupt(d)
      const result = loadModel(d)
      expect(result, name).toMatchObject({ ok: false, reason: 'corrupt' })
      if (!result.ok) expect(result.message, name).toMatch(/corrupt/)
    }
  })

  it('throws GbdtShapeError for a batch or row of the wrong width', () => {
    const loaded = loadModel(doc)
    if (!loaded.ok) throw new Error(loaded.message)
    expect(() => predictRaw(loaded.model, new Float64Array(7))).toThrow(GbdtShapeError)
    expect(() => predictProbaRow(loaded.model, [1, 2])).toThrow(GbdtShapeError)
  })
})
