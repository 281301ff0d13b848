// Seeds the demo provider through the real API (uploads go to R2 and through every queue), prints what
// to open, then keeps a gentle trickle of new claims coming so the dashboard has something to show.
import { DEMO_PROVIDER_ID } from '../worker/contracts'
import { generateDemoClaimInputs } from '../worker/generator'
import { writeClaimsCsv } from '../worker/ingest'

const base = process.argv[2] ?? 'http://127.0.0.1:8787'
const DEMO_PROVIDER = DEMO_PROVIDER_ID
const SEED_CLAIMS = 300
const UPLOADS = 6
const TRICKLE_MS = Number(process.env.CLAIMPAY_DEMO_TRICKLE_MS ?? 5000)
/**
 * `wrangler dev` does not fire crons, and a Worker restart (after a file is saved) drops the messages
 * waiting in its in-memory queues: run the re-drive cron locally too, so such claims move on again.
 */
const REDRIVE_EVERY_MS = 60_000

const headers = { 'x-dev-provider': DEMO_PROVIDER }
const today = () => new Date().toISOString().slice(0, 10)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  throw new Error(`the Worker did not answer on ${base} within two minutes`)
}

async function hasClaims(): Promise<boolean> {
  const res = await fetch(`${base}/api/v1/claims?limit=1`, { headers })
  const page = (await res.json()) as { items: unknown[] }
  return page.items.length > 0
}

async function upload(csv: string, name: string): Promise<void> {
  const res = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv', 'x-filename': name }, body: csv })
  if (res.status !== 202) throw new Error(`seeding upload ${name} failed: ${res.status} ${await res.text()}`)
}

async function main(): Promise<void> {
  await waitForHealth()
  if (await hasClaims()) {
    console.log('Demo provider already has claims; not seeding again.')
  } else {
    // A seed per day keeps claim numbers unique if the local database is kept across days.
    const seed = Math.floor(Date.now() / 86_400_000)
    const claims = generateDemoClaimInputs({ seed, count: SEED_CLAIMS, today: today(), flawRate: 0.1 })
    const per = Math.ceil(claims.length / UPLOADS)
    for (let i = 0; i < UPLOADS; i++) {
      await upload(writeClaimsCsv(claims.slice(i * per, (i + 1) * per)), `demo-${i + 1}.csv`)
      await sleep(1500)
    }
    console.log(`Seeded ${claims.length} demo claims in ${UPLOADS} uploads; they are moving through the pipeline now.`)
  }
  console.log(`
  ClaimPay is running.
    Dashboard      ${base}/
    Claims         ${base}/claims
    Upload a CSV   ${base}/upload
    API            ${base}/api/v1/openapi.json

  Demo login: none yet. Development mode acts for the demo provider "Demo Family Practice" (${DEMO_PROVIDER});
  real accounts replace this. Send 'x-dev-provider: prv_other' to act for another provider.
  ${TRICKLE_MS > 0 ? `A new synthetic claim arrives every ${TRICKLE_MS / 1000} s (CLAIMPAY_DEMO_TRICKLE_MS=0 turns this off).` : ''}
  Press Ctrl+C to stop.
`)
  const redrive = setInterval(() => {
    fetch(`${base}/__scheduled?cron=${encodeURIComponent('*/15 * * * *')}`).catch(() => clearInterval(redrive))
  }, REDRIVE_EVERY_MS)
  while (TRICKLE_MS > 0) {
    await sleep(TRICKLE_MS)
    const [claim] = generateDemoClaimInputs({ seed: Date.now() % 2 ** 31, count: 1, today: today(), flawRate: 0.1 })
    if (!claim) continue
    const res = await fetch(`${base}/api/v1/claims`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(claim) }).catch(() => null)
    if (!res) break // the server stopped
  }
  if (TRICKLE_MS <= 0) return // the interval keeps re-driving while the server runs
  clearInterval(redrive)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
