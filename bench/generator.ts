import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { devAdmin, type ApiSession } from '../scripts/api-session'
import { ensureAppBuilt, startLocalServer } from '../scripts/local-server'
import { generateHistory, generateProvider, type HistoryRecord } from '../worker/generator/engine'
import { mulberry32 } from '../worker/generator/prng'
import { runnerStatus, sleep, startRunner, type RunnerStatusBody } from './support/scenario-runs'

/**
 * Generator benchmark, in-process: adjudicated claims (claim, note, outcome, appeal) per second over
 * THROUGHPUT_CLAIMS, against two anchors measured in the same run on the same claims: a plain PRNG loop
 * (32 bare mulberry32 draws per claim, a fixed reference) and JSON.stringify of the records (what writing them out costs).
 * Then heap used while streaming STREAM_CLAIMS through the generator, sampled every 100,000 claims,
 * with GC forced before each sample.
 * Then D1: a fresh local server (wrangler dev --local) and scenario runners backfilling 30 days of history
 * flat out through the admin API; claims written per second is rows in claim_history over the runner's
 * own start-to-end time (multi-row INSERTs, one D1 batch per alarm of up to 500 claims), against the
 * health round trip in the same run. Run: npm run bench:generator (BENCH_SKIP_D1=1 for in-process only).
 */

const THROUGHPUT_CLAIMS = Number(process.env.BENCH_CLAIMS ?? 200_000)
const STREAM_CLAIMS = Number(process.env.BENCH_STREAM_CLAIMS ?? 1_000_000)
const SEED = 20_260_401
const PRNG_DRAWS_PER_CLAIM = 32
const ROOT = join(import.meta.dirname, '..')
const PORT = Number(process.env.BENCH_PORT ?? 8933)
/** Runners backfilling at once, each its own practice and Durable Object; the first figure is the headline. */
const D1_RUNNER_COUNTS = (process.env.BENCH_D1_RUNNERS ?? '1,4').split(',').map(Number)
const D1_CLAIMS_PER_DAY = 1_000
const D1_TARGET_PER_SECOND = 5_000

// Forced GC makes the heap samples comparable; without --expose-gc, turn the flag on at run time.
setFlagsFromString('--expose-gc')
const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as (() => void) | undefined)
const heapMb = () => {
  gc?.()
  return round(process.memoryUsage().heapUsed / 1_048_576, 1)
}
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

function history(claimsPerDay: number) {
  const provider = generateProvider({ seed: SEED, specialty: 'family-medicine', claimsPerDay })
  // 1,000 claims a weekday: about 260,000 a year, so 1,000,000 claims span about four years.
  return generateHistory({ seed: SEED, provider, from: '2020-01-01', to: '2035-12-31' })
}

/** Claims pulled and dropped, as a streaming consumer would; `keep` also retains them (GC pressure). */
function measureGenerator(count: number, keep: boolean) {
  const records: HistoryRecord[] = []
  let n = 0
  const started = performance.now()
  for (const record of history(1_000)) {
    if (keep) records.push(record)
    if (++n === count) break
  }
  const ms = performance.now() - started
  return { records, ms }
}

async function main() {
  console.log(`bench:generator: warming up ...`)
  measureGenerator(20_000, false)
  const heapBefore = heapMb()

  const { ms } = measureGenerator(THROUGHPUT_CLAIMS, false)
  const claimsPerSecond = Math.round((THROUGHPUT_CLAIMS / ms) * 1000)
  console.log(`generator: ${THROUGHPUT_CLAIMS} claims in ${ms.toFixed(0)} ms = ${claimsPerSecond}/s (streamed, not kept)`)
  const kept = measureGenerator(THROUGHPUT_CLAIMS, true)
  const records = kept.records
  const keptPerSecond = Math.round((THROUGHPUT_CLAIMS / kept.ms) * 1000)
  console.log(`generator: the same claims kept in an array ${kept.ms.toFixed(0)} ms = ${keptPerSecond}/s`)

  let bytes = 0
  const jsonStarted = performance.now()
  for (const r of records) bytes += JSON.stringify(r).length
  const jsonMs = performance.now() - jsonStarted
  console.log(`anchor: JSON.stringify of the same claims ${jsonMs.toFixed(0)} ms (${round(bytes / records.length, 0)} chars a claim)`)

  // A fixed reference, not the engine's own count of draws: 32 bare mulberry32 draws per claim.
  const draws = PRNG_DRAWS_PER_CLAIM
  const prng = mulberry32(SEED)
  let sink = 0
  const prngStarted = performance.now()
  for (let i = 0, n = Math.round(draws * THROUGHPUT_CLAIMS); i < n; i++) sink += prng.next()
  const prngMs = performance.now() - prngStarted
  console.log(`anchor: ${draws} bare PRNG draws a claim, ${prngMs.toFixed(0)} ms (sink ${sink > 0})`)
  records.length = 0

  console.log(`stream: ${STREAM_CLAIMS} claims ...`)
  const samples: { claims: number; heapUsedMb: number }[] = [{ claims: 0, heapUsedMb: heapMb() }]
  let n = 0
  let paid = 0
  const streamStarted = performance.now()
  for (const record of history(1_000)) {
    paid += record.outcome.paidCents
    if (++n % 100_000 === 0) samples.push({ claims: n, heapUsedMb: heapMb() })
    if (n === STREAM_CLAIMS) break
  }
  const streamMs = performance.now() - streamStarted
  const heapAfter = heapMb()
  const growth = round((samples.at(-1)!.heapUsedMb - samples[1]!.heapUsedMb), 1)
  console.log(`stream: ${n} claims in ${(streamMs / 1000).toFixed(1)} s; heap ${samples.map((s) => s.heapUsedMb).join(' -> ')} MB`)

  const result = {
    bench: 'generator',
    startedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', totalMemGb: round(totalmem() / 2 ** 30, 1) },
    config: { seed: SEED, throughputClaims: THROUGHPUT_CLAIMS, streamClaims: STREAM_CLAIMS, specialty: 'family-medicine', claimsPerDay: 1_000, gcForced: gc !== undefined },
    throughput: { ms: round(ms, 0), claimsPerSecond, keptInArrayMs: round(kept.ms, 0), keptInArrayClaimsPerSecond: keptPerSecond, targetClaimsPerSecond: 100_000, meetsTarget: claimsPerSecond >= 100_000, avgJsonChars: round(bytes / THROUGHPUT_CLAIMS, 0) },
    anchors: {
      jsonStringifySameClaimsMs: round(jsonMs, 0),
      prngBareLoop32DrawsPerClaimMs: round(prngMs, 1),
    },
    ratios: {
      generateToJsonStringify: round(ms / jsonMs, 2),
      generateToBarePrng32: round(ms / prngMs, 1),
    },
    stream: {
      claims: n,
      seconds: round(streamMs / 1000, 1),
      claimsPerSecond: Math.round((n / streamMs) * 1000),
      heapUsedMbBefore: heapBefore,
      heapUsedMbAfter: heapAfter,
      samples,
      growthMbFrom100kTo1M: growth,
      checksumPaidCents: paid,
    },
  }
  const d1 = process.env.BENCH_SKIP_D1 ? null : await measureD1Inserts()
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
  writeFileSync(join(ROOT, 'bench', 'results', 'generator-latest.json'), `${JSON.stringify({ ...result, d1Inserts: d1 }, null, 2)}\n`)
  console.log(JSON.stringify({ ...result, d1Inserts: d1 }, null, 2))
}

async function measureD1Inserts() {
  ensureAppBuilt()
  console.log(`d1: starting a fresh local server on port ${PORT} ...`)
  const server = await startLocalServer({ port: PORT, fresh: true, readyTimeoutMs: 120_000, snapshot: true, logFile: join(ROOT, 'bench', 'results', 'generator-wrangler.log') })
  try {
    const admin = await devAdmin(server.url, 'bench@claimpay.dev')
    const health = await healthRoundTrip(server.url)
    console.log(`anchor: health round trip median ${health.medianMs} ms`)
    // A small backfill first, so that the measured runs do not pay for compiling and first D1 use.
    await backfill(admin, 1, 'warm', 100)
    const runs = []
    for (const runners of D1_RUNNER_COUNTS) {
      const run = await backfill(admin, runners, `d1x${runners}`, D1_CLAIMS_PER_DAY)
      console.log(`d1: ${runners} runner(s): ${run.claimsWritten} claims in ${run.seconds} s = ${run.claimsPerSecond}/s into claim_history`)
      runs.push(run)
    }
    if (server.reloads() > 0) throw new Error(`wrangler restarted the Worker ${server.reloads()} time(s) during the run`)
    const headline = runs[0]!
    return {
      server: 'wrangler dev --local (workerd, local D1 on SQLite), fresh state, a snapshot of the sources',
      path: 'POST /admin/generation/start {target: history, speed: max, duration: 30-days} -> ScenarioRunner alarms -> multi-row INSERT (5 rows a statement, 100 bound parameters), one db.batch per alarm of up to 500 claims',
      claimsPerDay: D1_CLAIMS_PER_DAY,
      anchors: { healthRoundTripMedianMs: health.medianMs },
      runs,
      claimsPerSecond: headline.claimsPerSecond,
      targetClaimsPerSecond: D1_TARGET_PER_SECOND,
      meetsTarget: headline.claimsPerSecond >= D1_TARGET_PER_SECOND,
      ratios: { msPerClaimInHealthRoundTrips: round(1000 / headline.claimsPerSecond / health.medianMs, 3) },
    }
  } catch (error) {
    console.error(`last output of wrangler dev:\n${server.outputTail()}`)
    throw error
  } finally {
    await server.stop()
  }
}

async function healthRoundTrip(base: string) {
  const times: number[] = []
  for (let i = 0; i < 120; i++) {
    const started = performance.now()
    await (await fetch(`${base}/api/v1/health`)).arrayBuffer()
    if (i >= 20) times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { medianMs: round(times[Math.floor(times.length / 2)]!, 2), samples: times.length }
}

/** `runners` backfills of 30 days at once; the time is the runners' own, from the start request to the last alarm. */
async function backfill(admin: ApiSession, runners: number, label: string, claimsPerDay: number) {
  const started = await Promise.all(
    Array.from({ length: runners }, (_, i) =>
      startRunner(admin, { scenario: `${label}-${i}`, target: 'history', speed: 'max', duration: '30-days', claimsPerDay, seed: SEED + i + runners * 100, createProvider: true }),
    ),
  )
  const done: RunnerStatusBody[] = []
  for (const s of started) {
    for (;;) {
      const status = await runnerStatus(admin, s.scenario)
      if (!status.running) {
        done.push(status)
        break
      }
      await sleep(100)
    }
  }
  const from = Math.min(...done.map((d) => Date.parse(d.startedAt)))
  const to = Math.max(...done.map((d) => Date.parse(d.stoppedAt!)))
  const claimsWritten = done.reduce((n, d) => n + d.claimsWritten, 0)
  const seconds = (to - from) / 1000
  if (done.some((d) => d.endedBecause !== 'completed' || d.claimsWritten !== d.claimsGenerated)) throw new Error(`a backfill did not complete cleanly: ${JSON.stringify(done)}`)
  return { runners, claimsWritten, seconds: round(seconds, 2), claimsPerSecond: Math.round(claimsWritten / seconds), perRunner: done.map((d) => ({ scenario: d.scenario, claims: d.claimsWritten, seconds: round((Date.parse(d.stoppedAt!) - Date.parse(d.startedAt)) / 1000, 2) })) }
}

await main()
