import { join } from 'node:path'
import { createPartnerClient } from '../clients/partner/claimpay-partner'
import { addMember, ApiSession, createApiKey, createPractice, devAdmin, testClientIp } from '../scripts/api-session'
import { machineInfo, round, writeResults } from './support/results'
import { ensureAppBuilt, ROOT, startLocalServer } from '../scripts/local-server'

/**
 * Per-request cost of authentication on the local product, against an anchor measured on the same
 * server in the same run: GET /health (no auth, one D1 read) vs GET /auth/me with a session cookie,
 * GET /claims?limit=1 with an API key, and GET /partner/whoami signed with a partner token. The
 * ratios and deltas to the anchor are the figures to compare between runs; the times are context.
 * Also the cost of a password sign-in, which Argon2id dominates. Run: npm run bench:auth
 */

const PORT = Number(process.env.BENCH_PORT ?? 8932)
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200)
const WARMUPS = 20
const LOGINS = Number(process.env.BENCH_LOGINS ?? 10)

type Stats = { samples: number; medianMs: number; p95Ms: number; minMs: number; maxMs: number }

class BenchError extends Error {
  override name = 'BenchError'
}

/**
 * Samples interleave the four requests round by round, so a slow moment of the machine falls on all
 * of them alike instead of on whichever ran then.
 */
async function measureInterleaved(requests: Record<string, () => Promise<Response>>): Promise<Record<string, Stats>> {
  const names = Object.keys(requests)
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  for (let round = 0; round < WARMUPS + SAMPLES; round++) {
    for (const name of names) {
      const t = performance.now()
      const res = await requests[name]!()
      await res.arrayBuffer()
      const ms = performance.now() - t
      if (res.status !== 200) throw new BenchError(`${name} answered ${res.status}`)
      if (round >= WARMUPS) times[name]!.push(ms)
    }
  }
  return Object.fromEntries(names.map((n) => [n, stats(times[n]!)]))
}

async function main() {
  ensureAppBuilt()
  const startedAt = new Date()
  console.log(`bench:auth: starting a fresh local server on port ${PORT} ...`)
  const server = await startLocalServer({ port: PORT, fresh: true, readyTimeoutMs: 120_000, logFile: join(ROOT, 'bench', 'results', 'auth-wrangler.log'), snapshot: true })
  try {
    const base = server.url
    const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
    const owner = await createPractice(base, { email: `owner-${suffix}@bench.claimpay.test`, password: `Granite-Willow-Beacon-${suffix}`, practiceName: `Bench Auth ${suffix}` }, testClientIp())
    // A biller signs in with a password alone: the login figure is the password check, not a TOTP step.
    const biller = { email: `biller-${suffix}@bench.claimpay.test`, password: `Juniper-Marble-Signal-${suffix}`, role: 'biller', displayName: 'Bench Biller' }
    const member = await addMember(owner.session, biller)
    const apiKey = await createApiKey(owner.session, 'bench auth', ['claims:read'])
    const admin = await devAdmin(base, 'bench@claimpay.dev')
    const partner = await admin.json<{ id: string }>('POST', '/admin/partners', { name: `Bench Bank ${suffix}` }, [201])
    const token = await admin.json<{ id: string; secret: string }>('POST', `/admin/partners/${partner.id}/tokens`, { scopes: ['portfolio:read'], expiresInDays: 1 }, [201])
    const bank = createPartnerClient({ baseUrl: base, tokenId: token.id, secret: token.secret })
    const session = member.session

    // Each principal sends WARMUPS + SAMPLES requests in all: under its budget of 600 a minute at any speed.
    if (WARMUPS + SAMPLES > 590) throw new BenchError('BENCH_SAMPLES would exceed the per-key budget of 600 requests a minute')
    const latency = await measureInterleaved({
      health: () => fetch(`${base}/api/v1/health`),
      sessionMe: () => session.request('GET', '/auth/me'),
      apiKeyClaims: () => fetch(`${base}/api/v1/claims?limit=1`, { headers: { authorization: `Bearer ${apiKey}` } }),
      partnerWhoami: () => bank.get('/api/v1/partner/whoami'),
    })
    const login = await measureLogins(base, biller)
    if (server.reloads() > 0) throw new BenchError(`wrangler restarted the Worker ${server.reloads()} time(s) during the run`)

    const anchor = latency.health!
    const versus = (s: Stats) => ({
      medianRatio: round(s.medianMs / anchor.medianMs, 2),
      p95Ratio: round(s.p95Ms / anchor.p95Ms, 2),
      medianDeltaMs: round(s.medianMs - anchor.medianMs, 3),
      p95DeltaMs: round(s.p95Ms - anchor.p95Ms, 3),
    })
    const result = {
      bench: 'auth',
      startedAt: startedAt.toISOString(),
      machine: machineInfo(),
      server: 'wrangler dev --local (miniflare/workerd), fresh D1, a snapshot of the sources',
      config: { samples: SAMPLES, warmups: WARMUPS, logins: LOGINS, order: 'interleaved, one of each per round' },
      anchor: { request: 'GET /api/v1/health (no auth)', ...anchor },
      requests: {
        sessionMe: { request: 'GET /api/v1/auth/me (session cookie, biller)', ...latency.sessionMe!, vsAnchor: versus(latency.sessionMe!) },
        apiKeyClaims: { request: 'GET /api/v1/claims?limit=1 (API key)', ...latency.apiKeyClaims!, vsAnchor: versus(latency.apiKeyClaims!) },
        partnerWhoami: { request: 'GET /api/v1/partner/whoami (signed partner token)', ...latency.partnerWhoami!, vsAnchor: versus(latency.partnerWhoami!) },
      },
      login: { request: 'POST /api/v1/auth/login (password only, Argon2id m=19456 t=2 p=1)', ...login, medianRatioToAnchor: round(login.medianMs / anchor.medianMs, 1) },
    }
    writeResults('auth', result)
    printSummary(result)
  } catch (error) {
    console.error(`last output of wrangler dev (all of it in bench/results/auth-wrangler.log):\n${server.outputTail()}`)
    throw error
  } finally {
    await server.stop()
  }
}

/** Sequential sign-ins, each from its own address: the sign-in budget is 20 a minute per address. */
async function measureLogins(base: string, account: { email: string; password: string }): Promise<Stats> {
  const times: number[] = []
  for (let i = 0; i < LOGINS + 1; i++) {
    const anonymous = new ApiSession(base, testClientIp())
    const t = performance.now()
    const res = await anonymous.request('POST', '/auth/login', { email: account.email, password: account.password })
    await res.arrayBuffer()
    const ms = performance.now() - t
    if (res.status !== 200) throw new BenchError(`POST /auth/login answered ${res.status}`)
    if (i > 0) times.push(ms) // the first warms the isolate's Argon2 code
  }
  return stats(times)
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
  const mid = sorted.length / 2
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { samples: sorted.length, medianMs: round(median, 3), p95Ms: round(at(0.95), 3), minMs: round(sorted[0]!, 3), maxMs: round(sorted.at(-1)!, 3) }
}




type Summary = {
  anchor: Stats
  requests: Record<string, Stats & { request: string; vsAnchor: { medianRatio: number; p95Ratio: number; medianDeltaMs: number; p95DeltaMs: number } }>
  login: Stats & { medianRatioToAnchor: number }
}

function printSummary({ anchor, requests, login }: Summary) {
  const lines = [`\nauth: anchor GET /health median ${anchor.medianMs} ms, p95 ${anchor.p95Ms} ms (n=${anchor.samples})`]
  for (const r of Object.values(requests)) {
    const v = r.vsAnchor
    lines.push(`  ${r.request}: median ${r.medianMs} ms (x${v.medianRatio}, +${v.medianDeltaMs} ms), p95 ${r.p95Ms} ms (x${v.p95Ratio}, +${v.p95DeltaMs} ms)`)
  }
  lines.push(`  POST /auth/login: median ${login.medianMs} ms, p95 ${login.p95Ms} ms (n=${login.samples}; x${login.medianRatioToAnchor} the anchor)`)
  console.log(lines.join('\n'))
}


main().catch((error: unknown) => {
  console.error(`bench:auth failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
