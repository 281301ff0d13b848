import { argon2id } from '@noble/hashes/argon2.js'
import { build } from 'esbuild'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { hashPassword, PASSWORD_PARAMS } from '../worker/identity/password'

/**
 * Password hashing benchmark: cost of one hashPassword (Argon2id, m=19456 KiB, t=2, p=1), against
 * anchors measured in the same run: WebCrypto PBKDF2-SHA256 at 100,000 iterations (what Workers allow)
 * and at 600,000 (OWASP's PBKDF2 figure). Measured in Node, then inside workerd through miniflare,
 * where each request's round trip is timed from Node (on Cloudflare's edge Date.now() stands still
 * during CPU work, so a figure taken inside the Worker would not carry over), less an empty request's.
 * Also the peak memory one hash adds in Node. Run: npm run bench:password
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const WARMUPS = 2
const MEMORY_RUNS = 5
const PASSWORD = 'correct horse battery staple'
const ROOT = join(import.meta.dirname, '..')
const COMPATIBILITY_DATE = '2026-04-01'
const PBKDF2_ITERATIONS = { workersCap: 100_000, owasp: 600_000 } as const

type Stats = { runs: number; medianMs: number; p95Ms: number; minMs: number; maxMs: number }

class BenchError extends Error {
  override name = 'BenchError'
}

setFlagsFromString('--expose-gc')
const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as (() => void) | undefined)
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits
const mb = (bytes: number) => round(bytes / 1_048_576, 1)

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
  const mid = sorted.length / 2
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { runs: sorted.length, medianMs: round(median, 1), p95Ms: round(at(0.95), 1), minMs: round(sorted[0]!, 1), maxMs: round(sorted.at(-1)!, 1) }
}

async function time(run: () => Promise<unknown>, runs = RUNS): Promise<Stats> {
  for (let i = 0; i < WARMUPS; i++) await run()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  return stats(samples)
}

async function pbkdf2(iterations: number): Promise<void> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASSWORD), 'PBKDF2', false, ['deriveBits'])
  const salt = crypto.getRandomValues(new Uint8Array(16))
  await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256)
}

/** Peak over baseline while one hash runs; the sampler gets in because hashPassword yields between slices. */
async function peakMemoryPerHash() {
  const peaks: { rssMb: number; arrayBuffersMb: number; heapUsedMb: number }[] = []
  for (let i = 0; i < MEMORY_RUNS; i++) {
    gc?.()
    const base = process.memoryUsage()
    const peak = { ...base }
    const sample = () => {
      const now = process.memoryUsage()
      peak.rss = Math.max(peak.rss, now.rss)
      peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers)
      peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed)
    }
    const timer = setInterval(sample, 1)
    await hashPassword(PASSWORD)
    sample()
    clearInterval(timer)
    peaks.push({ rssMb: mb(peak.rss - base.rss), arrayBuffersMb: mb(peak.arrayBuffers - base.arrayBuffers), heapUsedMb: mb(peak.heapUsed - base.heapUsed) })
  }
  const max = (pick: (p: (typeof peaks)[number]) => number) => Math.max(...peaks.map(pick))
  return {
    runs: MEMORY_RUNS,
    peakArrayBuffersMb: max((p) => p.arrayBuffersMb),
    peakHeapUsedMb: max((p) => p.heapUsedMb),
    // The allocator keeps freed pages, so rss rises once and later hashes reuse them: read the first sample.
    peakRssMb: max((p) => p.rssMb),
    expectedBlockMemoryMb: mb(PASSWORD_PARAMS.m * 1024),
    samples: peaks,
  }
}

async function measureNode() {
  const argon2idAsync = await time(() => hashPassword(PASSWORD))
  console.log(`node: hashPassword (argon2id, async) median ${argon2idAsync.medianMs} ms, p95 ${argon2idAsync.p95Ms} ms`)
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const argon2idSync = await time(async () => argon2id(PASSWORD, salt, PASSWORD_PARAMS))
  console.log(`node: argon2id sync, no yields, median ${argon2idSync.medianMs} ms, p95 ${argon2idSync.p95Ms} ms`)
  const pbkdf2Cap = await time(() => pbkdf2(PBKDF2_ITERATIONS.workersCap))
  console.log(`anchor: node PBKDF2-SHA256 100k median ${pbkdf2Cap.medianMs} ms, p95 ${pbkdf2Cap.p95Ms} ms`)
  const pbkdf2Owasp = await time(() => pbkdf2(PBKDF2_ITERATIONS.owasp))
  console.log(`anchor: node PBKDF2-SHA256 600k median ${pbkdf2Owasp.medianMs} ms, p95 ${pbkdf2Owasp.p95Ms} ms`)
  const memory = await peakMemoryPerHash()
  console.log(`node: peak per hash +${memory.peakArrayBuffersMb} MB array buffers, +${memory.peakRssMb} MB rss, +${memory.peakHeapUsedMb} MB heap (max of ${MEMORY_RUNS})`)
  return { hashPassword: argon2idAsync, argon2idSyncNoYields: argon2idSync, pbkdf2Sha256_100k: pbkdf2Cap, pbkdf2Sha256_600k: pbkdf2Owasp, memory }
}

// The Worker answers one hash per request; the JSON says whether WebCrypto refused the iteration count.
const WORKER_ENTRY = `
import { hashPassword } from ${JSON.stringify(join(ROOT, 'worker', 'identity', 'password.ts'))}
const PASSWORD = ${JSON.stringify(PASSWORD)}
export default {
  async fetch(request) {
    const url = new URL(request.url)
    try {
      if (url.pathname === '/argon2id') await hashPassword(PASSWORD)
      if (url.pathname === '/pbkdf2') {
        const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASSWORD), 'PBKDF2', false, ['deriveBits'])
        const salt = crypto.getRandomValues(new Uint8Array(16))
        await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: Number(url.searchParams.get('iterations')) }, key, 256)
      }
      return Response.json({ ok: true })
    } catch (error) {
      return Response.json({ ok: false, error: String(error) })
    }
  },
}
`

async function measureWorkerd() {
  const bundle = await build({
    stdin: { contents: WORKER_ENTRY, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  const script = bundle.outputFiles[0]!.text
  const mf = new Miniflare(convertV4MiniflareOptions({ modules: true, script, compatibilityDate: COMPATIBILITY_DATE }))
  try {
    const call = async (path: string) => {
      const response = await mf.dispatchFetch(`http://bench.local${path}`)
      const body = (await response.json()) as { ok: boolean; error?: string }
      if (!body.ok) throw new BenchError(body.error ?? `${path} failed`)
    }
    const attempt = async (path: string, runs = RUNS) => {
      try {
        return { refused: null, stats: await time(() => call(path), runs) }
      } catch (error) {
        return { refused: String(error), stats: null }
      }
    }
    const empty = await time(() => call('/noop'), RUNS * 2)
    console.log(`workerd: empty request round trip median ${empty.medianMs} ms`)
    const net = (s: Stats) => ({ ...s, medianLessEmptyMs: round(s.medianMs - empty.medianMs, 1), p95LessEmptyMs: round(s.p95Ms - empty.medianMs, 1) })

    const argon = await attempt('/argon2id')
    if (argon.stats === null) throw new BenchError(`hashPassword failed in workerd: ${argon.refused}`)
    console.log(`workerd: hashPassword round trip median ${argon.stats.medianMs} ms, p95 ${argon.stats.p95Ms} ms`)
    const cap = await attempt(`/pbkdf2?iterations=${PBKDF2_ITERATIONS.workersCap}`)
    const owasp = await attempt(`/pbkdf2?iterations=${PBKDF2_ITERATIONS.owasp}`)
    for (const [label, r] of [['100k', cap], ['600k', owasp]] as const) {
      console.log(`anchor: workerd PBKDF2-SHA256 ${label} ${r.stats ? `median ${r.stats.medianMs} ms, p95 ${r.stats.p95Ms} ms` : `refused: ${r.refused}`}`)
    }
    return {
      runtime: 'workerd (miniflare, local)',
      compatibilityDate: COMPATIBILITY_DATE,
      timing: 'round trip of each request from Node',
      emptyRequest: empty,
      hashPassword: net(argon.stats),
      pbkdf2Sha256_100k: cap.stats ? net(cap.stats) : { refused: cap.refused },
      pbkdf2Sha256_600k: owasp.stats ? net(owasp.stats) : { refused: owasp.refused },
      // Cloudflare's edge refuses more than 100,000 iterations; a local workerd that accepts them does not prove otherwise.
      pbkdf2AboveWorkersCapAcceptedLocally: owasp.stats !== null,
    }
  } finally {
    await mf.dispose()
  }
}

type WorkerdResult = Awaited<ReturnType<typeof measureWorkerd>>

function ratiosInWorkerd(workerd: WorkerdResult, nodeArgon: Stats) {
  const argon = workerd.hashPassword.medianMs
  const over = (anchor: Stats | { refused: string | null }) => ('medianMs' in anchor ? round(argon / anchor.medianMs, 2) : null)
  return {
    workerdArgon2idToPbkdf2_600k: over(workerd.pbkdf2Sha256_600k),
    workerdArgon2idToPbkdf2_100k: over(workerd.pbkdf2Sha256_100k),
    workerdToNodeArgon2id: round(argon / nodeArgon.medianMs, 2),
  }
}

async function main() {
  const startedAt = new Date()
  console.log(`bench:password: ${RUNS} runs after ${WARMUPS} warm-ups, params ${JSON.stringify(PASSWORD_PARAMS)}`)
  const node = await measureNode()
  let workerd: WorkerdResult | { skipped: string }
  try {
    workerd = await measureWorkerd()
  } catch (error) {
    console.log(`workerd: skipped (${String(error)})`)
    workerd = { skipped: String(error) }
  }
  const measuredInWorkerd = !('skipped' in workerd)
  const workerdRatios = 'skipped' in workerd ? {} : ratiosInWorkerd(workerd, node.hashPassword)
  const result = {
    bench: 'password',
    startedAt: startedAt.toISOString(),
    runtime: measuredInWorkerd ? 'node+workerd' : 'node',
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', totalMemGb: round(totalmem() / 2 ** 30, 1) },
    config: { runs: RUNS, warmups: WARMUPS, params: PASSWORD_PARAMS, pbkdf2Iterations: PBKDF2_ITERATIONS, gcForced: gc !== undefined },
    node,
    workerd,
    ratios: {
      argon2idToPbkdf2_600k: round(node.hashPassword.medianMs / node.pbkdf2Sha256_600k.medianMs, 2),
      argon2idToPbkdf2_100k: round(node.hashPassword.medianMs / node.pbkdf2Sha256_100k.medianMs, 2),
      asyncToSyncArgon2id: round(node.hashPassword.medianMs / node.argon2idSyncNoYields.medianMs, 2),
      ...workerdRatios,
    },
  }
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
  writeFileSync(join(ROOT, 'bench', 'results', 'password-latest.json'), `${JSON.stringify(result, null, 2)}\n`)
  console.log(JSON.stringify(result.ratios, null, 2))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
