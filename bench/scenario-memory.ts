import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { devAdmin } from '../scripts/api-session'
import { ensureAppBuilt, ROOT, startLocalServer } from '../scripts/local-server'
import { machineInfo, round, writeResults } from './support/results'
import { runnerStatus, sleep, startRunner, stopRunner } from './support/scenario-runs'

/**
 * Does a scenario runner at 100x grow memory? A fresh local server (wrangler dev --local), one runner
 * at 100x, continuous, and the resident set (VmRSS) of the workerd process serving it sampled every
 * BENCH_SAMPLE_SECONDS for BENCH_SECONDS (an hour by default), with the least-squares slope in MB an
 * hour over the samples after the first BENCH_WARMUP_SECONDS. At 100x a simulated clinic day (08:00-18:00)
 * begins 288 s into the run and lasts 360 s: runs shorter than about 11 minutes see part of one day. Run: npm run bench:scenario-memory
 */

const PORT = Number(process.env.BENCH_PORT ?? 8934)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3_600)
const SAMPLE_SECONDS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 15)
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 60)
const TARGET = process.env.BENCH_TARGET === 'pipeline' ? 'pipeline' : 'history'
const CLAIMS_PER_DAY = Number(process.env.BENCH_CLAIMS_PER_DAY ?? 1_000)
/**
 * Where the simulated clock starts: a Monday by default. Started at the real now, a run can land on a
 * simulated Sunday (2% of a weekday's claims) or a night, and then measures idle alarms, not generation.
 */
const START_DATE = process.env.BENCH_START_DATE ?? nextMonday()

function nextMonday(): string {
  const day = new Date()
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7 || 7))
  return day.toISOString().slice(0, 10)
}

class WorkerdNotFound extends Error {
  override name = 'WorkerdNotFound'
}

const procFile = (pid: number, file: string) => {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8')
  } catch {
    return ''
  }
}
const parentOf = (pid: number) => Number(/^\d+ \(.*\) \S (\d+)/s.exec(procFile(pid, 'stat'))?.[1] ?? 0)

/** The workerd processes descended from this one: wrangler runs workerd as its child. */
function workerdPids(): number[] {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number)
  return pids.filter((pid) => {
    if (!procFile(pid, 'cmdline').split('\0')[0]?.endsWith('workerd')) return false
    for (let p = parentOf(pid), hops = 0; p > 1 && hops < 10; p = parentOf(p), hops++) if (p === process.pid) return true
    return false
  })
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(procFile(pid, 'status'))?.[1] ?? NaN) / 1024

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length
  const mx = points.reduce((s, p) => s + p.x, 0) / n
  const my = points.reduce((s, p) => s + p.y, 0) / n
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0)
  return sxx === 0 ? 0 : points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx
}

async function main() {
  ensureAppBuilt()
  const startedAt = new Date()
  console.log(`bench:scenario-memory: ${SECONDS} s at 100x into ${TARGET}, a sample every ${SAMPLE_SECONDS} s; starting a fresh local server on port ${PORT} ...`)
  const server = await startLocalServer({ port: PORT, fresh: true, readyTimeoutMs: 120_000, snapshot: true, logFile: join(ROOT, 'bench', 'results', 'scenario-memory-wrangler.log') })
  try {
    const pids = workerdPids()
    if (pids.length === 0) throw new WorkerdNotFound('no workerd process under this one: is /proc readable?')
    const admin = await devAdmin(server.url, 'bench@claimpay.dev')
    const scenario = 'memory-100x'
    await startRunner(admin, { scenario, target: TARGET, speed: '100x', duration: 'continuous', claimsPerDay: CLAIMS_PER_DAY, seed: 20_260_401, createProvider: true, startDate: START_DATE })
    const t0 = Date.now()
    const samples: { seconds: number; rssMb: number; claimsGenerated: number; simulatedNow: string }[] = []
    for (;;) {
      const status = await runnerStatus(admin, scenario)
      const seconds = round((Date.now() - t0) / 1000, 1)
      const rss = round(pids.reduce((s, pid) => s + rssMb(pid), 0), 1)
      samples.push({ seconds, rssMb: rss, claimsGenerated: status.claimsGenerated, simulatedNow: status.simulatedNow })
      console.log(`t=${seconds}s rss=${rss} MB claims=${status.claimsGenerated} simulated=${status.simulatedNow}`)
      if (seconds >= SECONDS) break
      await sleep(Math.min(SAMPLE_SECONDS * 1000, t0 + SECONDS * 1000 - Date.now() + 50))
    }
    const final = await stopRunner(admin, scenario)
    if (server.reloads() > 0) throw new Error(`wrangler restarted the Worker ${server.reloads()} time(s) during the run`)
    const steady = samples.filter((s) => s.seconds >= WARMUP_SECONDS)
    const mbPerHour = round(slope(steady.map((s) => ({ x: s.seconds / 3_600, y: s.rssMb }))), 2)
    const result = {
      bench: 'scenario-memory',
      startedAt: startedAt.toISOString(),
      machine: machineInfo(),
      server: 'wrangler dev --local (workerd), fresh state, a snapshot of the sources',
      config: { seconds: SECONDS, fullHour: SECONDS >= 3_600, sampleSeconds: SAMPLE_SECONDS, warmupSeconds: WARMUP_SECONDS, target: TARGET, speed: '100x', claimsPerDay: CLAIMS_PER_DAY, startDate: START_DATE, workerdPids: pids },
      runner: { claimsGenerated: final.claimsGenerated, claimsWritten: final.claimsWritten, simulatedNow: final.simulatedNow, patterns: final.patterns },
      rss: {
        firstMb: samples[0]!.rssMb,
        afterWarmupMb: steady[0]?.rssMb ?? null,
        lastMb: samples.at(-1)!.rssMb,
        maxMb: Math.max(...samples.map((s) => s.rssMb)),
        slopeMbPerHourAfterWarmup: mbPerHour,
      },
      samples,
    }
    writeResults('scenario-memory', result)
    console.log(JSON.stringify({ ...result, samples: `${samples.length} samples` }, null, 2))
  } catch (error) {
    console.error(`last output of wrangler dev:\n${server.outputTail()}`)
    throw error
  } finally {
    await server.stop()
  }
}

await main()
