import { describe, expect, it } from 'vitest'
import { HELD_OUT_SEED, runDeidEval, type DeidEvalIo } from './deid-eval'

function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  let clock = 0
  const io: DeidEvalIo = { out: (l) => out.push(l), err: (l) => err.push(l), now: () => (clock += 1) }
  return { code: runDeidEval(args, io), out, err }
}

describe('deid-eval', () => {
  it('prints one JSON object with recall, precision and clinical removals on the held-out seed', () => {
    const { code, out, err } = run(['--notes', '30'])
    expect(code).toBe(0)
    expect(err).toEqual([])
    expect(out).toHaveLength(1)
    const report = JSON.parse(out[0]!) as Record<string, unknown> & { groups: Record<string, { rate: number }>; clinicalTokensRemoved: { rate: number } }
    expect(report.seed).toBe(HELD_OUT_SEED)
    expect(report.heldOut).toBe(true)
    expect(report.notes).toBe(30)
    expect(Object.keys(report.groups)).toEqual(['names', 'dates', 'phones', 'emails', 'ssn', 'mrnAndMemberIds', 'addresses'])
    expect(report.clinicalTokensRemoved.rate).toBeLessThan(0.01)
  })

  it('is the same report for the same seed', () => {
    const strip = (line: string) => ({ ...(JSON.parse(line) as object), msPerNote: 0 })
    expect(strip(run(['--seed', '7', '--notes', '10']).out[0]!)).toEqual(strip(run(['--seed', '7', '--notes', '10']).out[0]!))
  })

  it('refuses bad arguments with the usage and exit code 2', () => {
    for (const args of [['--notes', '0'], ['--seed', '-1'], ['--what']]) {
      const { code, out, err } = run(args)
      expect(code).toBe(2)
      expect(out).toEqual([])
      expect(err.at(-1)).toMatch(/^usage:/)
    }
  })
})
