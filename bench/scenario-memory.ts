import { join } from 'node:path'
import { devAdmin } from '../scripts/api-session'
import { ensureAppBuilt, ROOT, startLocalServer } from '../scripts/local-server'
import { machineInfo, round, writeResults } from './support/results'
import { runnerStatus, sleep, startRunner, stopRunner } from './support/scenario-runs'
import { rssMb, workerdProcesses, type WorkerdRole } from './support/workerd-processes'

/**
 * Does a scenario runner at 100x grow memory? A fresh local server (wrangler dev --local), one runner
 * at 100x, continuous, and the resident set (VmRSS) of the workerd processes serving it, summed, sampled every
 * BENCH_SAMPLE_SECONDS for BENCH_SECONDS (an hour by default), with the least-squares slope in MB an
 * hour over the samples after the first BENCH_WARMUP_SECONDS. At 100x a simulated clinic day (08:00-18:00)
 * begins 288 s into the run and lasts 360 s: runs shorter than about 11 minutes see part of one day.
 * The runtime (the Worker, its Durable Objects, D1) and wrangler's proxy are also reported apart: the
 * proxy's growth is wrangler's dev tooling (bench/support/workerd-processes.ts). Run: npm run bench:scenario-memory
 */

const PORT = Number(process.env.BENCH_PORT ?? 8934)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3_600)
const SAMPLE_SECONDS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 15)
/**
 * The first simulated night. The runtime peaks near 170 MB while the Worker loads and the runner builds
 * its first segment (a panel of 20,000 patients, a day of claims), and a collection brings it down to
 * about 145 MB within four minutes: a slope that starts at the peak reads that drop as shrinking.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 270)
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

/** A second server on another port keeps its own log instead of truncating this one's. */
const LOG_FILE = PORT === 8934 ? 'scenario-memory-wrangler.log' : `scenario-memory-wrangler-${PORT}.log`

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
  const server = await startLocalServer({ port: PORT, fresh: true, readyTimeoutMs: 120_000, snapshot: true, inspector: false, logFile: join(ROOT, 'bench', 'results', LOG_FILE) })
  try {
    // Found again at every sample: wrangler may restart the runtime once while it settles after start.
    const runtimePids = new Set<number>()
    const admin = await devAdmin(server.url, 'bench@claimpay.dev')
    const scenario = 'memory-100x'
    await startRunner(admin, { scenario, target: TARGET, speed: '100x', duration: 'continuous', claimsPerDay: CLAIMS_PER_DAY, seed: 20_260_401, createProvider: true, startDate: START_DATE })
    const t0 = Date.now()
    const samples: { seconds: number; rssMb: number; byRole: Record<WorkerdRole, number>; claimsGenerated: number; simulatedNow: string }[] = []
    for (;;) {
      const status = await runnerStatus(admin, scenario)
      const seconds = round((Date.now() - t0) / 1000, 1)
      const byRole = { runtime: 0, proxy: 0 }
      const processes = workerdProcesses(PORT)
      for (const { pid, role } of processes) {
        byRole[role] = round(byRole[role] + rssMb(pid), 1)
        if (role === 'runtime' && !runtimePids.has(pid)) {
          runtimePids.add(pid)
          // A runtime that starts again after the warm-up would measure a fresh process, not an hour's growth.
          if (seconds >= WARMUP_SECONDS) throw new Error(`the workerd runtime restarted at t=${seconds}s (pid ${pid})`)
        }
      }
      const rss = round(byRole.runtime + byRole.proxy, 1)
      samples.push({ seconds, rssMb: rss, byRole, claimsGenerated: status.claimsGenerated, simulatedNow: status.simulatedNow })
      console.log(`t=${seconds}s rss=${rss} MB (runtime ${byRole.runtime}, proxy ${byRole.proxy}) claims=${status.claimsGenerated} simulated=${status.simulatedNow}`)
      if (seconds >= SECONDS) break
      await sleep(Math.min(SAMPLE_SECONDS * 1000, t0 + SECONDS * 1000 - Date.now() + 50))
    }
    const final = await stopRunner(admin, scenario)
    if (server.reloads() > 0) throw new Error(`wrangler restarted the Worker ${server.reloads()} time(s) during the run`)
    const steady = samples.filter((s) => s.seconds >= WARMUP_SECONDS)
    const figures = (mb: (s: (typeof samples)[number]) => number) => ({
      firstMb: mb(samples[0]!),
      afterWarmupMb: steady[0] ? mb(steady[0]) : null,
      lastMb: mb(samples.at(-1)!),
      maxMb: Math.max(...samples.map(mb)),
      slopeMbPerHourAfterWarmup: round(slope(steady.map((s) => ({ x: s.seconds / 3_600, y: mb(s) }))), 2),
    })
    const result = {
      bench: 'scenario-memory',
      startedAt: startedAt.toISOString(),
      machine: machineInfo(),
      server: 'wrangler dev --local (workerd) without the inspector, fresh state, a snapshot of the sources',
      config: { seconds: SECONDS, fullHour: SECONDS >= 3_600, sampleSeconds: SAMPLE_SECONDS, warmupSeconds: WARMUP_SECONDS, target: TARGET, speed: '100x', claimsPerDay: CLAIMS_PER_DAY, startDate: START_DATE, workerd: workerdProcesses(PORT), runtimePidsSeen: [...runtimePids] },
      runner: { claimsGenerated: final.claimsGenerated, claimsWritten: final.claimsWritten, simulatedNow: final.simulatedNow, patterns: final.patterns },
      rss: figures((s) => s.rssMb),
      rssByProcess: { runtime: figures((s) => s.byRole.runtime), proxy: figures((s) => s.byRole.proxy) },
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
