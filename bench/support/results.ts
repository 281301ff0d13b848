import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../../scripts/local-server'

export const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits

/** The machine and commit a figure was measured on: figures are only comparable with these beside them. */
export function machineInfo(extra: Record<string, unknown> = {}) {
  const cpu = cpus()
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    ...extra,
    git: gitInfo(),
  }
}

function gitInfo() {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== ''
    return { commit, dirty }
  } catch {
    return { commit: null, dirty: null }
  }
}

/** Writes bench/results/<name>-<time>.json and <name>-latest.json (the one kept in the repository). */
export function writeResults(name: string, result: object): void {
  const dir = join(ROOT, 'bench', 'results')
  mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const text = `${JSON.stringify(result, null, 2)}\n`
  writeFileSync(join(dir, `${name}-${stamp}.json`), text)
  writeFileSync(join(dir, `${name}-latest.json`), text)
  console.log(`wrote bench/results/${name}-${stamp}.json and bench/results/${name}-latest.json`)
}
