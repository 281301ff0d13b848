import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeBatchLine } from './batch-line'

describe('codeBatchLine', () => {
  it('codes a phrase into the CLI output shape', () => {
    const out = codeBatchLine(JSON.stringify({ text: 'pink eye' }))
    expect(out.icd10[0]).toBe('H10.9')
    expect(out.icd10.length).toBeLessThanOrEqual(5)
    expect(out.cpt).toEqual([])
    expect(out.confidence).toBeGreaterThan(0)
    expect(out.error).toBeUndefined()
  })

  it('turns bad lines into empty results with a reason, never a throw', () => {
    for (const [line, reason] of [['not json', /JSON/], ['{"txt": "x"}', /text/], ['{"text": 5}', /text/], ['{"text": "   "}', /empty/], ['', /blank/], ['[1,2]', /text/]] as const) {
      const out = codeBatchLine(line)
      expect(out).toMatchObject({ icd10: [], cpt: [], confidence: 0 })
      expect(out.error).toMatch(reason)
    }
  })
})

// The CLI itself: one output line per input line, in order; usage errors exit 2.
describe('scripts/coder.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coder-'))
  const run = (args: string[]) => spawnSync('npx', ['tsx', 'scripts/coder.ts', ...args], { encoding: 'utf8' })

  it('keeps the input order and reports bad lines in place', () => {
    const input = join(dir, 'in.jsonl')
    const output = join(dir, 'out.jsonl')
    writeFileSync(input, ['{"text":"heart attack"}', 'garbage', '{"text":"pink eye"}', '{"text":""}', '{"text":"COPD"}'].join('\n') + '\n')
    execFileSync('npx', ['tsx', 'scripts/coder.ts', '--in', input, '--out', output], { encoding: 'utf8' })
    const lines = readFileSync(output, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(5)
    expect(lines.map((l) => l.icd10[0] ?? null)).toEqual(['I21.9', null, 'H10.9', null, 'J44.9'])
    expect(lines[1].error).toBeDefined()
    expect(lines[3].error).toBeDefined()
  }, 60_000)

  it('exits 2 with a message on usage errors', () => {
    const missing = run(['--in', join(dir, 'nope.jsonl'), '--out', join(dir, 'x.jsonl')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/input file not found/)
    const noOut = run(['--in', join(dir, 'in.jsonl')])
    expect(noOut.status).toBe(2)
    expect(noOut.stderr).toMatch(/missing --out/)
  }, 60_000)
})
