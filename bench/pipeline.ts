import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { generateDemoClaims } from '../worker/generator'
import { writeClaimsCsv } from '../worker/ingest'
import { createApiKey, createPractice, testClientIp } from '../scripts/api-session'
import { machineInfo, round, writeResults } from './support/results'
import { ensureAppBuilt, ROOT, startLocalServer, type LocalServer } from '../scripts/local-server'

/**
 * Pipeline benchmark: one CSV of 2,000 demo claims through the whole local product (upload -> parse ->
 * code -> score -> pay -> submit, across five queues), against anchors measured on the same server in
 * the same run: the health round trip (one D1 read through the Worker) and one claim alone through the
 * pipeline. The ratios are the figures to compare between runs and machines; the times are context.
 */

const PORT = Number(process.env.BENCH_PORT ?? 8931)
const CLAIM_COUNT = Number(process.env.BENCH_CLAIMS ?? 2000)
const FLAW_RATE = 0.02
const SEED = 20260401
const OVERALL_TIMEOUT_MS = 20 * 60 * 1000
const POLL_EVERY_MS = 1000
const FINAL = new Set(['submitted', 'rejected'])
/**
 * API keys per practice. Each key has its own budget (API_LIMITER, 600 a minute); reading 2,000
 * timelines and polling the list would spend one key's budget in seconds and measure the limiter,
 * not the pipeline, so reads take turns across the keys.
 */
const KEYS_PER_PRACTICE = 8
type Practice = { providerId: string; keys: string[]; next: number }
let BULK_PROVIDER: Practice
let ANCHOR_PROVIDER: Practice

type ListedClaim = { id: string; status: string; createdAt: string; updatedAt: string; version: number }
type Timeline = { id: string; status: string; events: { version: number; toStatus: string; at: string }[] }

class BenchError extends Error {
  override name = 'BenchError'
}

async function main() {
  ensureAppBuilt()
  const startedAt = new Date()
  console.log(`bench:pipeline: starting a fresh local server on port ${PORT} ...`)
  const logFile = join(ROOT, 'bench', 'results', 'pipeline-wrangler.log')
  const server = await startLocalServer({ port: PORT, fresh: true, readyTimeoutMs: 120_000, logFile, snapshot: true })
  try {
    ANCHOR_PROVIDER = await benchPractice(server.url, 'Anchor')
    BULK_PROVIDER = await benchPractice(server.url, 'Bulk')
    const api = client(server)
    const health = await measureHealth(api)
    console.log(`anchor: health round trip median ${health.medianMs.toFixed(2)} ms (n=${health.samples})`)
    const single = await measureSingleClaims(api)
    console.log(`anchor: one claim POST -> final, median ${single.medianMs.toFixed(0)} ms (n=${single.samples}); POST alone ${single.postMedianMs.toFixed(1)} ms`)
    const bulk = await runBulk(api)
    // A restart drops in-memory queue messages: such a run measures nothing.
    if (server.reloads() > 0) throw new BenchError(`wrangler restarted the Worker ${server.reloads()} time(s) during the run`)
    const result = {
      bench: 'pipeline',
      startedAt: startedAt.toISOString(),
      machine: machineInfo({ wrangler: readVersion('wrangler') }),
      server: 'wrangler dev --local (miniflare/workerd), fresh D1, a snapshot of the sources',
      auth: `API keys (Authorization: Bearer), ${KEYS_PER_PRACTICE} per practice taking turns`,
      config: { claims: CLAIM_COUNT, flawRate: FLAW_RATE, seed: SEED, pollEveryMs: POLL_EVERY_MS },
      anchors: { health, singleClaim: single },
      bulk,
      ratios: {
        p50LatencyToSingleClaim: round(bulk.latencyMs.p50 / single.medianMs, 2),
        p95LatencyToSingleClaim: round(bulk.latencyMs.p95 / single.medianMs, 2),
        p99LatencyToSingleClaim: round(bulk.latencyMs.p99 / single.medianMs, 2),
        maxLatencyToSingleClaim: round(bulk.latencyMs.max / single.medianMs, 2),
        // Throughput against one claim at a time through the same pipeline: the gain from batching and concurrency.
        throughputToSequentialSingleClaims: round(bulk.claimsPerSecond / (1000 / single.medianMs), 2),
        // Time per claim in the bulk run, in health round trips: how much work a claim costs against one trivial request.
        msPerClaimInHealthRoundTrips: round(1000 / bulk.claimsPerSecond / health.medianMs, 2),
        uploadRequestInHealthRoundTrips: round(bulk.upload.requestMs / health.medianMs, 1),
      },
    }
    writeResults('pipeline', result)
    printSummary(result)
    if (!bulk.completed) throw new BenchError(`only ${bulk.finalCount} of ${CLAIM_COUNT} claims reached a final state in time`)
  } catch (error) {
    console.error(`last output of wrangler dev (all of it in bench/results/pipeline-wrangler.log):\n${server.outputTail()}`)
    throw error
  } finally {
    await server.stop()
  }
}

/** A practice made through the API as a customer would make one (owner, TOTP), with its API keys. */
async function benchPractice(base: string, label: string): Promise<Practice> {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  const owner = await createPractice(base, { email: `owner-${suffix}@bench.claimpay.test`, password: `Granite-Willow-Beacon-${suffix}`, practiceName: `Bench ${label} ${suffix}` }, testClientIp())
  const keys: string[] = []
  for (let i = 0; i < KEYS_PER_PRACTICE; i++) keys.push(await createApiKey(owner.session, `bench ${label} ${i + 1}`))
  return { providerId: owner.me.providerId, keys, next: 0 }
}

function client(server: LocalServer) {
  return async function api(path: string, practice: Practice, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    headers.set('authorization', `Bearer ${practice.keys[practice.next++ % practice.keys.length]}`)
    return fetch(`${server.url}/api/v1${path}`, { ...init, headers, signal: AbortSignal.timeout(60_000) })
  }
}
type Api = ReturnType<typeof client>

async function measureHealth(api: Api) {
  for (let i = 0; i < 20; i++) await (await api('/health', ANCHOR_PROVIDER)).arrayBuffer()
  const times: number[] = []
  for (let i = 0; i < 200; i++) {
    const t = performance.now()
    const res = await api('/health', ANCHOR_PROVIDER)
    await res.arrayBuffer()
    times.push(performance.now() - t)
    if (res.status !== 200) throw new BenchError(`health answered ${res.status}`)
  }
  return { samples: times.length, medianMs: round(quantile(times, 0.5), 3), p95Ms: round(quantile(times, 0.95), 3) }
}

/** One claim at a time, POST to its final state; the first one warms the queues and is not counted. */
async function measureSingleClaims(api: Api) {
  const claims = generateDemoClaims({ seed: SEED + 1, count: 6, today: isoToday(), flawRate: 0 }).map((d) => d.claim)
  const latencies: number[] = []
  const posts: number[] = []
  const finals: string[] = []
  for (const [index, claim] of claims.entries()) {
    const start = Date.now()
    const t = performance.now()
    const res = await api('/claims', ANCHOR_PROVIDER, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claim) })
    const postMs = performance.now() - t
    if (res.status !== 202) throw new BenchError(`POST /claims answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
    const { id } = (await res.json()) as { id: string }
    const deadline = Date.now() + 120_000
    let timeline: Timeline
    while (true) {
      timeline = (await (await api(`/claims/${id}`, ANCHOR_PROVIDER)).json()) as Timeline
      if (FINAL.has(timeline.status)) break
      if (Date.now() > deadline) throw new BenchError(`single claim ${id} stuck in ${timeline.status}`)
      await sleep(25)
    }
    if (index === 0) continue
    latencies.push(Date.parse(lastEventAt(timeline)) - start)
    posts.push(postMs)
    finals.push(timeline.status)
  }
  return {
    samples: latencies.length,
    medianMs: quantile(latencies, 0.5),
    minMs: Math.min(...latencies),
    maxMs: Math.max(...latencies),
    postMedianMs: round(quantile(posts, 0.5), 2),
    finalStatuses: countBy(finals),
  }
}

async function runBulk(api: Api) {
  const demo = generateDemoClaims({ seed: SEED, count: CLAIM_COUNT, today: isoToday(), flawRate: FLAW_RATE })
  const csv = writeClaimsCsv(demo.map((d) => d.claim))
  const flawed = demo.filter((d) => d.flaw !== null).length

  const uploadStart = Date.now()
  const t = performance.now()
  const res = await api('/uploads', BULK_PROVIDER, { method: 'POST', headers: { 'content-type': 'text/csv', 'x-filename': 'bench.csv' }, body: csv })
  const body = await res.text()
  const uploadMs = performance.now() - t
  if (res.status !== 202) throw new BenchError(`POST /uploads answered ${res.status}: ${body.slice(0, 500)}`)
  const upload = JSON.parse(body) as { id: string; claimCount: number }
  if (upload.claimCount !== CLAIM_COUNT) throw new BenchError(`upload reports ${upload.claimCount} claims, expected ${CLAIM_COUNT}`)
  console.log(`upload: ${csv.length} bytes, ${CLAIM_COUNT} claims, ${uploadMs.toFixed(0)} ms; waiting for the pipeline ...`)

  let finals: ListedClaim[] = []
  let lastReport = 0
  while (true) {
    finals = await retry(() => listAll(api, 'submitted,rejected'), 3)
    if (finals.length >= CLAIM_COUNT) break
    if (Date.now() - uploadStart > OVERALL_TIMEOUT_MS) break
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now()
      console.log(`  ${((Date.now() - uploadStart) / 1000).toFixed(0)} s: ${finals.length}/${CLAIM_COUNT} final`)
    }
    await sleep(POLL_EVERY_MS)
  }
  const observedAllFinalMs = Date.now() - uploadStart
  const completed = finals.length >= CLAIM_COUNT

  // The final time of each claim is its last event, stamped by the Worker on this machine's clock.
  const timelines = await mapLimit(finals, 8, async (claim) => (await (await api(`/claims/${claim.id}`, BULK_PROVIDER)).json()) as Timeline)
  const latencies = timelines.map((tl) => Date.parse(lastEventAt(tl)) - uploadStart)
  const lastFinalMs = Math.max(...latencies)
  const statuses = countBy(timelines.map((tl) => tl.status))
  const stageMedians = stageMedianMs(timelines, uploadStart)
  const everything = completed ? finals : await listAll(api, '')
  return {
    completed,
    finalCount: finals.length,
    upload: { requestMs: round(uploadMs, 1), bytes: csv.length, status: res.status },
    expected: { valid: CLAIM_COUNT - flawed, flawed },
    outcome: { submitted: statuses.submitted ?? 0, rejected: statuses.rejected ?? 0 },
    statusesAtEnd: completed ? statuses : countBy(everything.map((c) => c.status)),
    claimsPerSecond: round((finals.length / lastFinalMs) * 1000, 1),
    uploadToLastFinalMs: lastFinalMs,
    observedAllFinalMs,
    latencyMs: {
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      max: lastFinalMs,
      min: Math.min(...latencies),
    },
    medianMsFromUploadToStatus: stageMedians,
  }
}

async function listAll(api: Api, status: string): Promise<ListedClaim[]> {
  const items: ListedClaim[] = []
  let cursor: string | null = null
  do {
    const query = new URLSearchParams({ limit: '100' })
    if (status) query.set('status', status)
    if (cursor) query.set('cursor', cursor)
    const res = await api(`/claims?${query}`, BULK_PROVIDER)
    if (res.status !== 200) throw new BenchError(`GET /claims answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
    const page = (await res.json()) as { items: ListedClaim[]; nextCursor: string | null }
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  const unique = new Map(items.map((c) => [c.id, c]))
  if (unique.size !== items.length) throw new BenchError(`GET /claims paging returned ${items.length - unique.size} duplicate claims`)
  return [...unique.values()]
}

function stageMedianMs(timelines: Timeline[], uploadStart: number) {
  const byStatus = new Map<string, number[]>()
  for (const tl of timelines) {
    for (const event of tl.events) {
      const list = byStatus.get(event.toStatus) ?? []
      list.push(Date.parse(event.at) - uploadStart)
      byStatus.set(event.toStatus, list)
    }
  }
  return Object.fromEntries([...byStatus].map(([status, times]) => [status, quantile(times, 0.5)]))
}

function lastEventAt(timeline: Timeline): string {
  const last = [...timeline.events].sort((a, b) => b.version - a.version)[0]
  if (!last) throw new BenchError(`claim ${timeline.id} has no events`)
  return last.at
}



function readVersion(pkg: string): string | null {
  try {
    return (JSON.parse(execFileSync('node', ['-p', `JSON.stringify(require('${pkg}/package.json'))`], { cwd: ROOT, encoding: 'utf8' })) as { version: string }).version
  } catch {
    return null
  }
}


type Result = {
  anchors: { health: { medianMs: number }; singleClaim: { medianMs: number } }
  bulk: Awaited<ReturnType<typeof runBulk>>
  ratios: Record<string, number>
}

function printSummary({ anchors, bulk, ratios }: Result) {
  const l = bulk.latencyMs
  console.log(
    [
      '',
      `pipeline: ${bulk.finalCount}/${CLAIM_COUNT} claims final (${bulk.outcome.submitted} submitted, ${bulk.outcome.rejected} rejected; ${bulk.expected.flawed} generated with a flaw)`,
      `  upload request ${bulk.upload.requestMs} ms for ${(bulk.upload.bytes / 1024).toFixed(0)} KiB`,
      `  throughput ${bulk.claimsPerSecond} claims/s (last claim final ${(bulk.uploadToLastFinalMs / 1000).toFixed(1)} s after the upload started)`,
      `  upload-to-final latency p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`,
      `  anchors: health ${anchors.health.medianMs} ms, one claim alone ${anchors.singleClaim.medianMs} ms`,
      `  ratios: ${Object.entries(ratios).map(([k, v]) => `${k}=${v}`).join(', ')}`,
    ].join('\n'),
  )
}

/** Nearest-rank quantile. */
function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1
  return counts
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i]!)
      }
    }),
  )
  return out
}

async function retry<T>(fn: () => Promise<T>, attempts: number): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn()
    } catch (error) {
      if (i >= attempts) throw error
      await sleep(500 * i)
    }
  }
}

const isoToday = () => new Date().toISOString().slice(0, 10)
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause ? ` (${String(error.cause)})` : ''
  console.error(`bench:pipeline failed: ${error instanceof Error ? error.message : String(error)}${cause}`)
  process.exitCode = 1
})
