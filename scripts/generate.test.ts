import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parseX12 } from '../worker/payers/x12/parse-x12'
import { USAGE, runGenerate } from './generate'

const dir = mkdtempSync(join(tmpdir(), 'claimpay-generate-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runGenerate(args, { out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

describe('scripts/generate.ts', () => {
  it('writes the files into a new nested directory and prints one summary line', async () => {
    const out = join(dir, 'nested', 'x12')
    const r = await run(['--claims', '120', '--seed', '11', '--format', 'x12', '--out', out])
    expect(r).toMatchObject({ code: 0, err: [] })
    expect(r.out).toHaveLength(1)
    expect(r.out[0]).toMatch(/^generated 120 claims \(seed 11, .*\) as x12: \d+ files, \d+ bytes in .*, 0 balanced with OA-23$/)
    const names = readdirSync(out).sort()
    expect(names[0]).toBe('835-12502.x12')
    expect(names).toContain('837p-0001.x12')
    expect(parseX12(readFileSync(join(out, '837p-0001.x12'))).claims).toHaveLength(120)
  })

  it('writes the same files twice for the same seed', async () => {
    for (const sub of ['a', 'b']) expect((await run(['--claims', '30', '--seed', '5', '--format', 'csv', '--out', join(dir, sub)])).code).toBe(0)
    for (const name of readdirSync(join(dir, 'a'))) expect(readFileSync(join(dir, 'b', name), 'utf8')).toBe(readFileSync(join(dir, 'a', name), 'utf8'))
  })

  it('exits 2 with the usage on bad arguments, printing nothing on stdout and writing nothing', async () => {
    const out = join(dir, 'refused')
    const bad = [
      [],
      ['--claims', '10', '--seed', '1', '--format', 'x12'],
      ['--claims', '0', '--seed', '1', '--format', 'x12', '--out', out],
      ['--claims', 'ten', '--seed', '1', '--format', 'x12', '--out', out],
      ['--claims', '10', '--seed', '-3', '--format', 'x12', '--out', out],
      ['--claims', '10', '--seed', '1', '--format', 'xml', '--out', out],
      ['--claims', '10', '--seed', '1', '--format', 'x12', '--out', out, '--colour', 'red'],
      ['--claims', '10', '--seed', '1', '--format', 'x12', '--out', out, 'extra'],
      ['--claims', '10', '--seed', '1', '--format', 'x12', '--out', out, '--from', '2024-02-01', '--to', '2024-01-01'],
      ['--claims', '10001', '--seed', '1', '--format', 'pdf', '--out', out],
    ]
    for (const args of bad) {
      const r = await run(args)
      expect(r.code).toBe(2)
      expect(r.out).toEqual([])
      expect(r.err.join('\n')).toContain(USAGE)
    }
    expect(readdirSync(dir)).not.toContain('refused')
  })

  it('pdf: a superbill and a note per claim and the manifest, the same bytes for the same seed', async () => {
    for (const sub of ['pdf-a', 'pdf-b']) {
      const r = await run(['--claims', '3', '--seed', '7', '--format', 'pdf', '--out', join(dir, sub)])
      expect(r).toMatchObject({ code: 0, err: [] })
      expect(r.out[0]).toMatch(/^generated 3 claims \(seed 7, .*\) as pdf: 7 files, \d+ bytes in /)
    }
    const names = readdirSync(join(dir, 'pdf-a')).sort()
    expect(names).toEqual(['manifest.jsonl', 'note-SYN-7-00000001.pdf', 'note-SYN-7-00000002.pdf', 'note-SYN-7-00000003.pdf', 'superbill-SYN-7-00000001.pdf', 'superbill-SYN-7-00000002.pdf', 'superbill-SYN-7-00000003.pdf'])
    for (const name of names) expect(readFileSync(join(dir, 'pdf-b', name)).equals(readFileSync(join(dir, 'pdf-a', name)))).toBe(true)
    expect(readFileSync(join(dir, 'pdf-a', 'superbill-SYN-7-00000001.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('runs as a command: exit 0 with files, exit 2 on bad arguments', () => {
    const script = fileURLToPath(new URL('./generate.ts', import.meta.url))
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))
    const ok = spawnSync(tsx, [script, '--claims', '20', '--seed', '2', '--format', 'fhir', '--out', join(dir, 'cli')], { encoding: 'utf8' })
    expect(ok.status).toBe(0)
    expect(ok.stdout).toMatch(/^generated 20 claims .* as fhir: 1 files/)
    expect(readdirSync(join(dir, 'cli'))).toEqual(['fhir-0001.json'])
    const bad = spawnSync(tsx, [script, '--claims', '20'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain(USAGE)
  }, 20_000)
})
