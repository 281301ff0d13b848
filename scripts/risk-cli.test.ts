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

  it('refuses bad data with exit 2 and where the problem is, one line, no stack trace', () => {
    const refuse = (name: string, text: string) => {
      writeFileSync(at(name), text)
      const r = run(['train', '--csv', at(name), '--label', 'label', '--model', at('never.json')])
      expect(r.code, name).toBe(2)
      expect(r.out, name).toEqual([])
      expect(r.err, name).toHaveLength(1)
      expect(r.err[0], name).not.toMatch(/\n\s+at /)
      return r.err[0]!
    }
    expect(refuse('inf.csv', 'x,label\n1,0\n2,1\nInfinity,0\n')).toMatch(/"x" is infinite.*line 4/)
    expect(refuse('neg-inf.csv', 'x,billed,label\n1,2,0\n2,-Infinity,1\n3,1,0\n')).toMatch(/"billed" is infinite in row 1.*line 3/)
    expect(refuse('text.csv', 'x,label\n1,0\nabc,1\n')).toMatch(/line 3, column x: "abc" is not a number/)
    expect(refuse('one-class.csv', 'x,label\n1,0\n2,0\n')).toMatch(/no positive/)
    expect(refuse('all-positive.csv', 'x,label\n1,1\n2,1\n')).toMatch(/no negative/)
    expect(refuse('one-row.csv', 'x,label\n1,1\n')).toMatch(/at least 2 rows, got 1/)
    expect(refuse('missing-label.csv', 'x,label\n1,0\n2,\n3,1\n')).toMatch(/label in row 1 is NaN.*line 3/)
    expect(refuse('label-two.csv', 'x,label\n1,0\n2,2\n3,1\n')).toMatch(/label in row 1 is 2: labels must be 0 or 1/)
    expect(refuse('constant.csv', 'x,y,label\n1,5,0\n1,5,1\n1,5,0\n')).toMatch(/every feature is constant/)
    expect(run(['train', '--csv', at('train.csv'), '--label', 'outcome', '--model', at('never.json')])).toMatchObject({ code: 2, err: [expect.stringMatching(/no column outcome/)] })
    expect(() => readFileSync(at('never.json'))).toThrow()
  })

  it('trains on a file with one constant column, which never splits', () => {
    const lines = ['flat,x,label', ...Array.from({ length: 60 }, (_, i) => `7,${i},${i >= 30 ? 1 : 0}`)]
    writeFileSync(at('flat.csv'), `${lines.join('\n')}\n`)
    const r = run(['train', '--csv', at('flat.csv'), '--label', 'label', '--model', at('flat.json'), '--trees', '5', '--min-child-weight', '0'])
    expect(r).toMatchObject({ code: 0, err: [] })
    const doc = JSON.parse(readFileSync(at('flat.json'), 'utf8'))
    expect(doc.trees.flatMap((t: { feature: number[] }) => t.feature).includes(0)).toBe(false)
  })

  it('refuses a model of another version or a corrupted one with exit 2 and the reason', () => {
    const predictWith = (name: string, text: string) => {
      writeFileSync(at(name), text)
      return run(['predict', '--csv', at('test.csv'), '--model', at(name)])
    }
    expect(predictWith('v9.json', JSON.stringify({ format: 'claimpay-gbdt', version: 9 }))).toMatchObject({ code: 2, out: [], err: [expect.stringMatching(/version 9 is not supported/)] })
    expect(predictWith('garbage.json', '{"format": "claimpay-gbdt", "vers')).toMatchObject({ code: 2, err: [expect.stringMatching(/not valid JSON/)] })
    run(['train', '--csv', at('train.csv'), '--label', 'label', '--model', at('good.json'), '--trees', '3'])
    const good = JSON.parse(readFileSync(at('good.json'), 'utf8'))
    good.trees[1].left[0] = 999
    expect(predictWith('bad-child.json', JSON.stringify(good))).toMatchObject({ code: 2, out: [], err: [expect.stringMatching(/corrupt: tree 1 node 0: child index out of range/)] })
    delete good.trees[0].cover
    expect(predictWith('no-cover.json', JSON.stringify(good))).toMatchObject({ code: 2, err: [expect.stringMatching(/corrupt at trees\.0\.cover/)] })
    expect(run(['predict', '--csv', at('test.csv'), '--model', at('absent.json')])).toMatchObject({ code: 2, err: [expect.stringMatching(/cannot read .*absent\.json: ENOENT/)] })
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
    const refused = spawnSync(tsx, [script, 'predict', '--csv', at('test.csv'), '--model', at('v9.json')], { encoding: 'utf8' })
    expect(refused.status).toBe(2)
    expect(refused.stdout).toBe('')
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/version 9 is not supported/)])
  }, 30_000)
})
