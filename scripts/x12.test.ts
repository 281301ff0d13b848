import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runX12Cli } from './x12'

const sample = fileURLToPath(new URL('../worker/payers/x12/fixtures/SampleEdiFiles/INS/_277/_5010/FromBogeyone.txt', import.meta.url))

function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = runX12Cli(args, { out: (l) => out.push(l), err: (l) => err.push(l), readFile: (p) => new Uint8Array(readFileSync(p)) })
  return { code, out, err }
}

describe('scripts/x12.ts', () => {
  it('parse FILE prints the summary as one JSON line and exits 0, even when the file has errors', () => {
    const r = run(['parse', sample])
    expect(r.code).toBe(0)
    expect(r.err).toEqual([])
    expect(r.out).toHaveLength(1)
    const summary = JSON.parse(r.out[0] ?? '')
    expect(summary.type).toBe('277CA')
    expect(summary.errors.length).toBeGreaterThan(0)
  })

  it('exits 2 with the usage for bad arguments or an unreadable file, printing nothing on stdout', () => {
    for (const args of [[], ['parse'], ['print', sample], ['parse', sample, 'extra'], ['parse', '/nonexistent/file.txt']]) {
      const r = run(args)
      expect(r.code).toBe(2)
      expect(r.out).toEqual([])
      expect(r.err.join('\n')).toMatch(/usage: tsx scripts\/x12\.ts parse FILE/)
    }
  })

  it('runs as a command with tsx', () => {
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))
    const script = fileURLToPath(new URL('./x12.ts', import.meta.url))
    const ok = spawnSync(tsx, [script, 'parse', sample], { encoding: 'utf8' })
    expect(ok.status).toBe(0)
    expect(ok.stdout.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(ok.stdout).type).toBe('277CA')
    const bad = spawnSync(tsx, [script, 'parse'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stdout).toBe('')
  }, 30_000)
})
