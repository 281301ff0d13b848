// Seeds the demo through the real API (accounts, an API key, uploads that go to R2 and through every
// queue, a bank partner), prints the logins, then keeps a gentle trickle of new claims coming so the
// dashboard has something to show. The claims are the synthetic engine's, with their patients and
// clinical notes, so claim pages show what a practice's would. Safe to run again on the same local state: what cannot be asked of
// the API twice (the TOTP secret, the API key and the partner secret are shown once) is kept in
// .wrangler/demo-credentials.json, next to the local database it belongs to.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createPartnerClient } from '../clients/partner/claimpay-partner'
import type { ClaimInput } from '../worker/contracts'
import { generateProvider } from '../worker/generator/engine'
import { withDemoFlaws } from '../worker/generator'
import { recentClaimInputs } from '../worker/generator/export'
import { writeClaimsCsv } from '../worker/ingest'
import { addMember, ApiCallFailed, ApiSession, createApiKey, devAdmin, enrolTotp, logIn, signUpPractice, TotpSecretMissing, type SignedIn } from './api-session'
import { ROOT } from './local-server'

const base = process.argv[2] ?? 'http://127.0.0.1:8787'
const CREDENTIALS_FILE = join(ROOT, '.wrangler', 'demo-credentials.json')
const SEED_CLAIMS = 300
const UPLOADS = 6
const TRICKLE_MS = Number(process.env.CLAIMPAY_DEMO_TRICKLE_MS ?? 5000)
/** Trickled claims are generated this many at a time, then sent one by one. */
const TRICKLE_BATCH = 50
/**
 * `wrangler dev` does not fire crons, and a Worker restart (after a file is saved) drops the messages
 * waiting in its in-memory queues: run the re-drive cron locally too, so such claims move on again.
 */
const REDRIVE_EVERY_MS = 60_000

const PRACTICE = 'Demo Family Practice'
/**
 * The synthetic engine's practice behind the demo's claims: family medicine like the demo's name, and
 * busy enough (20 claims a weekday) that the last 30 days hold the SEED_CLAIMS the seed uploads.
 */
const ENGINE_PRACTICE = generateProvider({ seed: 1, specialty: 'family-medicine', claimsPerDay: 20 })
// Local-only demo passwords; they pass the policy (12+ characters, no email local part, no practice name).
const OWNER = { email: 'owner@demo.claimpay.dev', password: 'Maple-Harbor-Lantern-2026', displayName: 'Dana Owner' }
const BILLER = { email: 'biller@demo.claimpay.dev', password: 'Copper-Meadow-Quill-2026', displayName: 'Ben Biller', role: 'biller' }
const ADMIN_EMAIL = 'admin@claimpay.dev'
const PARTNER_NAME = 'Demo Community Bank'
const PARTNER_SCOPES = ['portfolio:read', 'funding:approve']

type Credentials = {
  providerId?: string
  ownerTotpSecret?: string
  apiKey?: string
  partner?: { partnerId: string; tokenId: string; secret: string }
}

/** Share of demo claims the pipeline rejects with a reason. */
const DEMO_FLAW_RATE = 0.08
const today = () => new Date().toISOString().slice(0, 10)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function readCredentials(): Credentials {
  if (!existsSync(CREDENTIALS_FILE)) return {}
  try {
    return JSON.parse(readFileSync(CREDENTIALS_FILE, 'utf8')) as Credentials
  } catch {
    return {}
  }
}

function saveCredentials(credentials: Credentials): void {
  mkdirSync(dirname(CREDENTIALS_FILE), { recursive: true })
  writeFileSync(CREDENTIALS_FILE, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 })
}

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

/** The owner signed in with a second factor: signed up and enrolled on the first run, signed in after. */
async function ownerSession(credentials: Credentials): Promise<SignedIn> {
  const login = () => logIn(base, { ...OWNER, totpSecret: credentials.ownerTotpSecret })
  let signedIn: SignedIn
  try {
    signedIn = await login()
  } catch (error) {
    if (error instanceof TotpSecretMissing) {
      throw new Error(`${OWNER.email} has two-step sign-in, but its secret is not in ${CREDENTIALS_FILE}: remove .wrangler/state to start the demo over.`)
    }
    // 401: no such account (a new local database); 403: its email was never confirmed (an earlier run
    // stopped half-way). Signing up again sends the link, or finds the one still in the outbox.
    if (!(error instanceof ApiCallFailed) || (error.status !== 401 && error.status !== 403)) throw error
    if (error.status === 401) Object.assign(credentials, { ownerTotpSecret: undefined, apiKey: undefined })
    await signUpPractice(base, { ...OWNER, practiceName: PRACTICE })
    signedIn = await login()
  }
  if (!signedIn.me.mfaEnabled) {
    credentials.ownerTotpSecret = await enrolTotp(signedIn.session)
    saveCredentials(credentials)
  }
  credentials.providerId = signedIn.me.providerId
  return signedIn
}

async function ensureBiller(owner: ApiSession): Promise<void> {
  const res = await new ApiSession(base).request('POST', '/auth/login', { email: BILLER.email, password: BILLER.password })
  await res.arrayBuffer()
  if (res.status === 200) return
  await addMember(owner, BILLER)
}

/**
 * The demo practice's bank account for payouts, connected before any claim is paid: Stripe's test
 * routing number and a test account number, sent to the local Stripe endpoint (no bank is involved).
 * A server without a Stripe key answers 503 and pays with the sandbox rail instead.
 */
async function ensurePayoutAccount(owner: ApiSession): Promise<void> {
  const status = await owner.json<{ connected: boolean }>('GET', '/payout-account')
  if (status.connected) return
  await owner.json('POST', '/payout-account', { legalName: PRACTICE, routingNumber: '110000000', accountNumber: '000123456789', accountHolderType: 'company' }, [201, 409, 503])
}

async function ensureApiKey(owner: ApiSession, credentials: Credentials): Promise<string> {
  if (credentials.apiKey) {
    const res = await fetch(`${base}/api/v1/claims?limit=1`, { headers: { authorization: `Bearer ${credentials.apiKey}` } })
    await res.arrayBuffer()
    if (res.status === 200) return credentials.apiKey
  }
  credentials.apiKey = await createApiKey(owner, 'Demo seed and trickle', undefined, 365)
  saveCredentials(credentials)
  return credentials.apiKey
}

type PartnerRow = { id: string; name: string; tokens: { id: string; revokedAt: string | null; expiresAt: string }[] }

async function ensurePartner(admin: ApiSession, credentials: Credentials): Promise<NonNullable<Credentials['partner']>> {
  const { items } = await admin.json<{ items: PartnerRow[] }>('GET', '/admin/partners')
  let partner = items.find((p) => p.name === PARTNER_NAME)
  const saved = credentials.partner
  const live = partner?.tokens.find((t) => t.id === saved?.tokenId && !t.revokedAt && Date.parse(t.expiresAt) > Date.now())
  if (saved && live) return saved
  partner ??= await admin.json<PartnerRow>('POST', '/admin/partners', { name: PARTNER_NAME }, [201])
  const token = await admin.json<{ id: string; secret: string }>('POST', `/admin/partners/${partner.id}/tokens`, { scopes: PARTNER_SCOPES, expiresInDays: 365 }, [201])
  credentials.partner = { partnerId: partner.id, tokenId: token.id, secret: token.secret }
  saveCredentials(credentials)
  return credentials.partner
}

/**
 * The engine's recent claims for the demo practice, a share of them given a flaw the pipeline refuses
 * (a header-only diagnosis, a future date ...): the payer's denials come later, so without these the
 * dashboard would show no rejections and no reasons to act on.
 */
function demoClaims(seed: number, count: number): ClaimInput[] {
  const claims = recentClaimInputs({ seed, provider: ENGINE_PRACTICE, count, today: today() })
  return withDemoFlaws(claims, { seed, today: today(), flawRate: DEMO_FLAW_RATE }).map((demo) => demo.claim)
}

type RiskModelRow = { id: string; version: number; state: string; error: string | null; report: { rows?: { train: number }; test?: { calibrated: { auc: number } } } | null }
type RunnerStatus = { running: boolean; claimsWritten: number }

/**
 * Two years of the demo practice's adjudicated claims (the engine's, written straight into history),
 * then a first risk model trained on them in the Worker and activated, so the demo's claims are scored
 * by the model. Skipped when a model is already active.
 */
async function ensureRiskModel(admin: ApiSession, providerId: string): Promise<string> {
  const { items } = await admin.json<{ items: RiskModelRow[] }>('GET', '/admin/risk/models?limit=20')
  const active = items.find((m) => m.state === 'active')
  if (active) return `Risk model v${active.version} is active.`
  const scenario = 'demo-history'
  const start = await admin.request('POST', '/admin/generation/start', { scenario, target: 'history', speed: 'max', duration: 'two-years', claimsPerDay: ENGINE_PRACTICE.claimsPerDay, specialty: 'family-medicine', seed: 1, providerId })
  await start.arrayBuffer()
  if (start.status !== 201 && start.status !== 409) throw new ApiCallFailed(start.status, `starting the history backfill answered ${start.status}`)
  let history: RunnerStatus
  do {
    await sleep(1000)
    history = await admin.json<RunnerStatus>('GET', `/admin/generation/status?scenario=${scenario}`)
  } while (history.running)
  const requested = await admin.request('POST', '/admin/risk/models/train', { autoPromote: true })
  const run = (await requested.json()) as RiskModelRow
  if (requested.status !== 202 && requested.status !== 409) throw new ApiCallFailed(requested.status, `training the first risk model answered ${requested.status}`)
  const id = requested.status === 202 ? run.id : (await admin.json<{ items: RiskModelRow[] }>('GET', '/admin/risk/models?limit=1')).items[0]!.id
  let model: RiskModelRow
  do {
    await sleep(1000)
    model = await admin.json<RiskModelRow>('GET', `/admin/risk/models/${id}`)
  } while (model.state === 'training')
  if (model.state === 'failed') return `The first risk model failed to train (${model.error}); claims are scored by the rule score until one is active.`
  return `Risk model v${model.version} trained in the Worker on ${model.report?.rows?.train ?? '?'} of ${history.claimsWritten} historical claims (held-out AUC ${model.report?.test?.calibrated.auc.toFixed(3) ?? '?'}), ${model.state}.`
}

async function seedClaims(apiKey: string): Promise<void> {
  const headers = { authorization: `Bearer ${apiKey}` }
  const page = (await (await fetch(`${base}/api/v1/claims?limit=1`, { headers })).json()) as { items: unknown[] }
  if (page.items.length > 0) {
    console.log('The demo practice already has claims; not seeding again.')
    return
  }
  // A seed per day keeps claim numbers unique if the local database is kept across days.
  const seed = Math.floor(Date.now() / 86_400_000)
  const claims = demoClaims(seed, SEED_CLAIMS)
  const per = Math.ceil(claims.length / UPLOADS)
  for (let i = 0; i < UPLOADS; i++) {
    const csv = writeClaimsCsv(claims.slice(i * per, (i + 1) * per))
    const res = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv', 'x-filename': `demo-${i + 1}.csv` }, body: csv })
    if (res.status !== 202) throw new Error(`seeding upload demo-${i + 1}.csv failed: ${res.status} ${await res.text()}`)
    await sleep(1500)
  }
  console.log(`Seeded ${claims.length} demo claims in ${UPLOADS} uploads; they are moving through the pipeline now.`)
}

async function main(): Promise<void> {
  await waitForHealth()
  const credentials = readCredentials()
  const owner = await ownerSession(credentials)
  await ensureBiller(owner.session)
  const apiKey = await ensureApiKey(owner.session, credentials)
  saveCredentials(credentials)
  const admin = await devAdmin(base, ADMIN_EMAIL)
  const riskModel = await ensureRiskModel(admin, credentials.providerId!)
  await ensurePayoutAccount(owner.session)
  await seedClaims(apiKey)

  const partner = await ensurePartner(admin, credentials)
  const bank = createPartnerClient({ baseUrl: base, tokenId: partner.tokenId, secret: partner.secret })
  const portfolio = await bank.get('/api/v1/partner/portfolio')
  await portfolio.arrayBuffer()

  console.log(`
  ClaimPay is running.
    Dashboard      ${base}/
    Claims         ${base}/claims
    Upload a CSV   ${base}/upload
    Outbox (email) ${base}/dev/outbox
    API            ${base}/api/v1/openapi.json

  Demo logins for "${PRACTICE}" (${credentials.providerId}); sign in at ${base}/login
    Owner    ${OWNER.email}  password ${OWNER.password}
             two-step sign-in: add TOTP secret ${credentials.ownerTotpSecret} to an authenticator app,
             or print the current code: npx tsx -e "import('./worker/identity/totp.ts').then(t => t.totpCode('${credentials.ownerTotpSecret}', Date.now())).then(console.log)"
    Biller   ${BILLER.email}  password ${BILLER.password}  (no second step needed)
    API key  ${apiKey}  (Authorization: Bearer ...; claims:read, claims:write, uploads:write)

  ClaimPay admin (local stand-in for Cloudflare Access):
    open ${base}/dev/access  and sign in as ${ADMIN_EMAIL}
    ${riskModel}  Registry: ${base}/admin/risk

  Bank partner "${PARTNER_NAME}" (scopes ${PARTNER_SCOPES.join(', ')}):
    token id ${partner.tokenId}
    secret   ${partner.secret}
    example signed call: GET /api/v1/partner/portfolio -> ${portfolio.status}
    (clients/partner/claimpay-partner.ts signs requests; docs/partner-signing.md describes the scheme)

  Saved in .wrangler/demo-credentials.json (local only; removing .wrangler/ starts the demo over).
  ${TRICKLE_MS > 0 ? `A new synthetic claim arrives every ${TRICKLE_MS / 1000} s (CLAIMPAY_DEMO_TRICKLE_MS=0 turns this off).` : ''}
  Press Ctrl+C to stop.
`)
  const redrive = setInterval(() => {
    fetch(`${base}/__scheduled?cron=${encodeURIComponent('*/15 * * * *')}`).catch(() => clearInterval(redrive))
  }, REDRIVE_EVERY_MS)
  let pending: ClaimInput[] = []
  while (TRICKLE_MS > 0) {
    await sleep(TRICKLE_MS)
    // A fresh seed per batch gives fresh claim numbers (SYN-<seed>-n), so no trickled claim repeats one.
    if (pending.length === 0) pending = demoClaims(Date.now() % 2 ** 31, TRICKLE_BATCH)
    const claim = pending.shift()
    if (!claim) continue
    const res = await fetch(`${base}/api/v1/claims`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(claim) }).catch(() => null)
    if (!res) break // the server stopped
    await res.arrayBuffer()
  }
  if (TRICKLE_MS <= 0) return // the interval keeps re-driving while the server runs
  clearInterval(redrive)
}

main().catch((error: unknown) => {
  console.error(`Seeding the demo failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
