import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { auc } from '../worker/risk/gbdt'
import { makeLinear } from '../worker/risk/gbdt/synthetic-data'
import { runRiskCli } from './risk-cli'

const dir = mkdtempSync(join(tmpdir(), 'risk-cli-'))
const at = (name: string) => join(dir, name)

/** A CSV of the linear synthetic data with some empty (missing) fields and the label in the middle. */
function writeCsvFile(name: string, rows: number, seed: number, withLabel = true): number[] {
  const data = makeLinear(rows, seed)
  const lines = [withLabel ? 'a,label,b,noise_1,noise_2' : 'noise_2,b,a,noise_1']
  for (let i = 0; i < rows; i++) {
    const v = Array.from(data.x.values.subarray(i * 4, i * 4 + 4), (x, j) => (i % 13 === j ? '' : String(x)))
    lines.push(withLabel ? [v[0], data.y[i], v[1], v[2], v[3]].join(',') : [v[3], v[1], v[0], v[2]].join(','))
  }
  writeFileSync(at(name), `${lines.join('\n')}\n`)
  return Array.from(data.y)
}

function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = runRiskCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: (p) => readFileSync(p, 'utf8'),
    writeFile: (p, t) => writeFileSync(p, t),
  })
  return { code, out, err }
}

describe('scripts/risk-cli.ts', () => {
  writeCsvFile('train.csv', 800, 1)
  const testLabels = writeCsvFile('test.csv', 300, 2)
  writeCsvFile('test-unlabelled.csv', 300, 2, false)

  it('trains a model file and predicts one probability per row, columns matched by name', () => {
    const trained = run(['train', '--csv', at('train.csv'), '--label', 'label', '--model', at('model.json'), '--trees', '40', '--depth', '3', '--seed', '7'])
    expect(trained.err).toEqual([])
    expect(trained.code).toBe(0)
    const summary = JSON.parse(trained.out[0] ?? '')
    expect(summary).toMatchObject({ rows: 800, features: 4, trees: 40 })
    expect(summary.importance[0].feature).toBe('a')
    expect(JSON.parse(readFileSync(at('model.json'), 'utf8')).format).toBe('claimpay-gbdt')

    expect(run(['predict', '--csv', at('test.csv'), '--model', at('model.json'), '--out', at('preds.txt')])).toEqual({ code: 0, out: [], err: [] })
    const preds = readFileSync(at('preds.txt'), 'utf8').trimEnd().split('\n').map(Number)
    expect(preds).toHaveLength(300)
    expect(auc(testLabels, preds)).toBeGreaterThan(0.95)
    // Same rows, columns in another order and no label: same predictions.
    const reordered = run(['predict', '--csv', at('test-unlabelled.csv'), '--model', at('model.json')])
    expect(reordered.out.join('\n').split('\n').map(Number)).toEqual(preds)
  })

  it('refuses bad data with exit 1 and where the problem is', () => {
    writeFileSync(at('inf.csv'), 'x,label\n1,0\n2,1\nInfinity,0\n')
    const inf = run(['train', '--csv', at('inf.csv'), '--label', 'label', '--model', at('never.json')])
    expect(inf.code).toBe(1)
    expect(inf.err.join()).toMatch(/"x" is infinite.*line 4/)
    writeFileSync(at('text.csv'), 'x,label\n1,0\nabc,1\n')
    expect(run(['train', '--csv', at('text.csv'), '--label', 'label', '--model', at('never.json')]).err.join()).toMatch(/line 3, column x: "abc" is not a number/)
    writeFileSync(at('one-class.csv'), 'x,label\n1,0\n2,0\n')
    expect(run(['train', '--csv', at('one-class.csv'), '--label', 'label', '--model', at('never.json')])).toMatchObject({ code: 1, err: [expect.stringMatching(/no positive/)] })
    expect(run(['train', '--csv', at('train.csv'), '--label', 'outcome', '--model', at('never.json')]).err.join()).toMatch(/no column outcome/)
    writeFileSync(at('v9.json'), JSON.stringify({ format: 'claimpay-gbdt', version: 9 }))
    expect(run(['predict', '--csv', at('test.csv'), '--model', at('v9.json')])).toMatchObject({ code: 1, out: [], err: [expect.stringMatching(/version 9/)] })
    expect(() => readFileSync(at('never.json'))).toThrow()
  })

  it('exits 2 with the usage for a bad command line', () => {
    for (const args of [[], ['fit'], ['train', '--csv'], ['train', '--csv', at('train.csv'), '--label', 'label'], ['predict', '--csv', 'x', '--model', 'y', '--colour', 'red'], ['train', '--csv', 'a', '--label', 'l', '--model', 'm', '--trees', 'many']]) {
      const r = run(args)
      expect(r.code).toBe(2)
      expect(r.out).toEqual([])
      expect(r.err.join('\n')).toMatch(/usage: tsx scripts\/risk-cli\.ts train/)
    }
  })

  it('runs as a command with tsx', () => {
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))
    const script = fileURLToPath(new URL('./risk-cli.ts', import.meta.url))
    const trained = spawnSync(tsx, [script, 'train', '--csv', at('train.csv'), '--label', 'label', '--model', at('cmd.json'), '--trees', '5'], { encoding: 'utf8' })
    expect(trained.status).toBe(0)
    const predicted = spawnSync(tsx, [script, 'predict', '--csv', at('test.csv'), '--model', at('cmd.json')], { encoding: 'utf8' })
    expect(predicted.status).toBe(0)
    expect(predicted.stdout.trim().split('\n')).toHaveLength(300)
  }, 30_000)
})
