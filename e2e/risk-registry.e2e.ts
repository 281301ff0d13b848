import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LocalServer } from '../scripts/local-server'
import { RiskModel, RiskThreshold } from '../worker/contracts'
import { planOf, RunnerStatus, ScenarioStream, type RunnerConfig } from '../worker/generator/runner'
import { contextOptions, gotoHydrated, launchChromium, leaksIn, RESULTS, startE2eServer, watchPage } from './support'

// The risk model registry as a ClaimPay admin uses it, on a fresh local product: an empty registry, a
// first training run that fails for want of history (and says so), then two years of synthetic
// history written by the scenario runner, a run from the page that activates itself, its report
// drawn (calibration curve, fitted map, importance bars), and a new approval threshold saved. The
// Worker's log must carry none of the generated patients' data.

const PORT = Number(process.env.E2E_RISK_PORT ?? 8946)
const SCENARIO = 'risk-e2e'
const BACKFILL = { scenario: SCENARIO, target: 'history', speed: 'max', duration: 'two-years', claimsPerDay: 15, createProvider: true, seed: 5 } as const
/** Fewer trees than the default keep the run short; the form still sends what the admin typed. */
const E2E_TREES = 120

let server: LocalServer | undefined
let browser: Browser | undefined
let context: BrowserContext | undefined
let page: Page | undefined
/** The development Access cookie the admin got by signing in: the API takes it as Access would. */
let accessToken = ''
const pageErrors: string[] = []
const consoleErrors: string[] = []

async function adminApi(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { cookie: `CF_Authorization=${accessToken}`, accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  return fetch(`${server!.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(30_000) })
}

async function adminJson<T>(path: string, parse: (body: unknown) => T): Promise<T> {
  const res = await adminApi('GET', path)
  const text = await res.text()
  expect(res.status, `GET ${path}: ${text.slice(0, 300)}`).toBe(200)
  return parse(JSON.parse(text))
}

const row = (version: number) => page!.locator(`[data-testid="risk-model-row"][data-version="${version}"]`)

/** Starts a run from the page's form, as an admin would. */
async function startTraining(options: { autoPromote: boolean; trees?: number; maxDepth?: number }): Promise<void> {
  const form = page!.locator('[data-testid="risk-train-form"]')
  if (options.trees !== undefined) await form.locator('#train-trees').fill(String(options.trees))
  if (options.maxDepth !== undefined) await form.locator('#train-maxDepth').fill(String(options.maxDepth))
  await form.locator('[data-testid="risk-train-auto-promote"]').setChecked(options.autoPromote)
  await form.locator('button[type="submit"]').click()
}

beforeAll(async () => {
  server = await startE2eServer(PORT, 'risk-registry')
  browser = await launchChromium()
  context = await browser.newContext(contextOptions())
  page = watchPage(await context.newPage(), pageErrors)
  page.on('console', (message) => {
    // The browser reports the API's refusal of a promotion (409) as a failed resource: that one is expected.
    if (message.type() === 'error' && !message.location().url.endsWith('/promote')) consoleErrors.push(message.text())
  })
  // Staff sign in through the development stand-in for Cloudflare Access, as the identity test does.
  await gotoHydrated(page, `${server.url}/dev/access`, pageErrors)
  await page.locator('[data-testid="dev-access-form"] button[type="submit"]').click()
  await page.waitForURL((url) => url.pathname === '/admin', { timeout: 15_000 })
  accessToken = (await context.cookies()).find((c) => c.name === 'CF_Authorization')?.value ?? ''
  expect(accessToken, 'the Access cookie').not.toBe('')
})

afterAll(async () => {
  await context?.close().catch(() => {})
  await browser?.close().catch(() => {})
  await server?.stop()
})

describe('risk model registry', () => {
  it('starts empty, and a first run without history fails with its reason shown', async () => {
    await gotoHydrated(page!, `${server!.url}/admin/risk`, pageErrors)
    const nav = page!.getByRole('navigation', { name: 'Admin' })
    expect(await nav.getByRole('link', { name: 'Risk models' }).getAttribute('aria-current')).toBe('page')
    await page!.locator('[data-testid="risk-empty"]').waitFor()
    await page!.locator('[data-testid="risk-no-active"]').waitFor()
    expect(await page!.locator('[data-testid="risk-rollback"]').count()).toBe(0)
    // The form starts from the defaults scheduled runs use.
    expect(await page!.locator('#train-trees').inputValue()).toBe('300')
    expect(await page!.locator('#train-maxDepth').inputValue()).toBe('5')
    expect(await page!.locator('#train-learningRate').inputValue()).toBe('0.05')
    expect(await page!.locator('#train-seed').inputValue()).toBe('1')

    await startTraining({ autoPromote: true })
    // The page refreshes itself while the run trains: no reload here.
    await expect.poll(() => row(1).getAttribute('data-state'), { timeout: 60_000, interval: 500 }).toBe('failed')
    expect(await row(1).locator('[data-testid="risk-model-error"]').textContent()).toMatch(/adjudicated claims in the history; training needs at least \d+/)
    expect(await page!.locator('[data-testid="risk-no-active"]').count()).toBe(1)

    await row(1).getByRole('link').click()
    await page!.waitForURL((url) => url.pathname.startsWith('/admin/risk/'), { timeout: 15_000 })
    const detail = page!.locator('[data-testid="risk-model-detail"]')
    await detail.waitFor()
    expect(await detail.getAttribute('data-state')).toBe('failed')
    expect(await page!.locator('[data-testid="risk-model-error"]').textContent()).toContain('training needs at least')
    expect(await page!.locator('[data-testid="calibration-chart"]').count()).toBe(0)
    expect(await page!.getByRole('heading', { level: 1 }).textContent()).toContain('v1')
    await page!.screenshot({ path: join(RESULTS, 'risk-registry-failed.png'), fullPage: true })
  })

  it('trains on two years of history from the page, activates the model and draws its report', { timeout: 900_000 }, async () => {
    const started = await adminApi('POST', '/admin/generation/start', BACKFILL)
    expect(started.status, await started.clone().text()).toBe(201)
    let status = RunnerStatus.parse(await started.json())
    const deadline = Date.now() + 600_000
    while (status.running && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 2000))
      status = await adminJson(`/admin/generation/status?scenario=${SCENARIO}`, (b) => RunnerStatus.parse(b))
    }
    expect(status.endedBecause, `backfill: ${status.claimsWritten} claims written`).toBe('completed')
    expect(status.claimsWritten).toBeGreaterThan(5000)

    await gotoHydrated(page!, `${server!.url}/admin/risk`, pageErrors)
    await startTraining({ autoPromote: true, trees: E2E_TREES })
    // The run is listed at once; the page refreshes on its own until it ends.
    await row(2).waitFor({ timeout: 15_000 })
    await expect.poll(() => row(2).getAttribute('data-state'), { timeout: 600_000, interval: 1000 }).toBe('active')
    const active = page!.locator('[data-testid="risk-active-model"]')
    await expect.poll(() => active.getAttribute('data-version'), { timeout: 15_000 }).toBe('2')
    expect(await page!.locator('[data-testid="risk-active-auc"]').textContent()).toMatch(/^0\.\d{3}$/)
    expect(await row(2).locator('[data-testid="risk-model-auc"]').textContent()).toMatch(/^0\.\d{3}$/)
    expect(await page!.locator('[data-testid="risk-training-status"]').count()).toBe(0)
    // v1 failed and was never active: nothing to roll back to.
    expect(await page!.locator('[data-testid="risk-rollback"]').count()).toBe(0)
    await page!.screenshot({ path: join(RESULTS, 'risk-registry-active.png'), fullPage: true })

    const models = await adminJson('/admin/risk/models?limit=5', (b) => RiskModel.array().parse((b as { items: unknown[] }).items))
    const model = models.find((m) => m.version === 2)!
    expect(model.params.trees).toBe(E2E_TREES)
    const report = model.report as {
      test: Record<'raw' | 'calibrated', { calibration: { count: number }[] }>
      importance: { gain: number }[]
      calibrationMap: { calibration: { x: number[] } }
    }
    const bins = (which: 'raw' | 'calibrated') => report.test[which].calibration.filter((b) => b.count > 0).length
    const expectedBars = Math.min(15, report.importance.filter((f) => f.gain > 0).length)
    expect(expectedBars).toBeGreaterThan(0)

    await page!.locator('[data-testid="risk-active-link"]').click()
    await page!.waitForURL((url) => url.pathname === `/admin/risk/${model.id}`, { timeout: 15_000 })
    await page!.waitForLoadState('networkidle')
    expect(await page!.locator('[data-testid="risk-model-detail"]').getAttribute('data-state')).toBe('active')
    expect(await page!.locator('[data-testid="risk-metrics"] tbody tr').count()).toBe(6)

    const curve = page!.locator('[data-testid="calibration-curve"]')
    await expect.poll(() => curve.locator('svg circle[data-testid="calibration-point"]').count(), { timeout: 10_000 }).toBe(bins('calibrated'))
    expect(await curve.locator('svg [data-testid="calibration-diagonal"]').count()).toBe(1)
    await page!.locator('[data-testid="calibration-chart"]').getByLabel('Trees alone').check()
    await expect.poll(() => curve.getAttribute('data-which')).toBe('raw')
    expect(await curve.locator('svg circle[data-testid="calibration-point"]').count()).toBe(bins('raw'))

    const map = page!.locator('[data-testid="calibration-map"] svg path[data-testid="calibration-map-line"]')
    await map.waitFor()
    expect(Number(await map.getAttribute('data-knots'))).toBeGreaterThanOrEqual(report.calibrationMap.calibration.x.length)
    expect(await map.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/)

    const bars = page!.locator('[data-testid="importance-chart"] svg [data-testid="importance-bar"]')
    await expect.poll(() => bars.count(), { timeout: 10_000 }).toBe(expectedBars)
    expect(await bars.locator('rect').count()).toBe(expectedBars)
    // Each bar names its feature and carries the catalogue's description as its tooltip.
    const firstTitle = (await bars.first().locator('title').textContent()) ?? ''
    expect(firstTitle).toMatch(/^[a-z0-9_]+: .{10,}/)
    await page!.locator('[data-testid="importance-chart"]').screenshot({ path: join(RESULTS, 'risk-registry-importance.png') })
    // The same figures as a table, for keyboard and screen-reader users.
    await page!.locator('[data-testid="importance-chart"]').getByRole('button', { name: 'Show as table' }).click()
    expect(await page!.locator('[data-testid="importance-chart"] table tbody tr').count()).toBe(expectedBars)
    // Active and never compared (nothing was active before it): no promote button, no comparison.
    expect(await page!.locator('[data-testid="risk-promote"]').count()).toBe(0)
    await page!.screenshot({ path: join(RESULTS, 'risk-registry-detail.png'), fullPage: true })
  })

  it('keeps a weaker candidate out, showing the reason the API gives', async () => {
    await gotoHydrated(page!, `${server!.url}/admin/risk`, pageErrors)
    // One stump cannot beat the active model: a candidate that the API must refuse to promote.
    await startTraining({ autoPromote: false, trees: 1, maxDepth: 1 })
    await row(3).waitFor({ timeout: 15_000 })
    await expect.poll(() => row(3).getAttribute('data-state'), { timeout: 120_000, interval: 500 }).toBe('candidate')
    expect(await page!.locator('[data-testid="risk-active-model"]').getAttribute('data-version')).toBe('2')

    await row(3).getByRole('link').click()
    await page!.waitForURL((url) => url.pathname.startsWith('/admin/risk/') && url.pathname !== '/admin/risk/', { timeout: 15_000 })
    await page!.waitForLoadState('networkidle')
    const comparison = page!.locator('[data-testid="risk-comparison"]')
    await comparison.waitFor()
    expect(await comparison.getAttribute('data-better')).toBe('false')
    expect(await comparison.locator('tbody tr').count()).toBe(6)
    await page!.locator('[data-testid="risk-promote"]').click()
    const refused = page!.locator('[data-testid="risk-promote-refused"]')
    await refused.waitFor({ timeout: 15_000 })
    expect(await refused.textContent()).toContain('does not beat v2 on the same held-out claims')
    expect(await page!.locator('[data-testid="risk-model-detail"]').getAttribute('data-state')).toBe('candidate')
    await page!.screenshot({ path: join(RESULTS, 'risk-registry-refused.png'), fullPage: true })
  })

  it('checks and saves a new approval threshold, audited', async () => {
    await gotoHydrated(page!, `${server!.url}/admin/risk`, pageErrors)
    const form = page!.locator('[data-testid="risk-threshold-form"]')
    const input = form.locator('#risk-threshold')
    await input.fill('0')
    await form.locator('button[type="submit"]').click()
    const error = form.locator('[data-testid="field-error"][data-field="threshold"]')
    await error.waitFor()
    expect(await error.textContent()).toBe('Threshold: enter a whole number from 1 to 99.')
    expect(await input.getAttribute('aria-invalid')).toBe('true')

    await input.fill('85')
    await form.locator('button[type="submit"]').click()
    await form.locator('[data-testid="risk-threshold-saved"]').waitFor({ timeout: 15_000 })
    await expect.poll(() => form.locator('[data-testid="risk-threshold-current"]').textContent(), { timeout: 15_000 }).toBe('85')
    expect(await adminJson('/admin/risk/threshold', (b) => RiskThreshold.parse(b))).toEqual({ threshold: 85 })
    const audit = await adminJson('/admin/audit?action=risk.threshold.changed', (b) => b as { items: { action: string; actor: string }[] })
    expect(audit.items.map((e) => [e.action, e.actor])).toEqual([['risk.threshold.changed', 'admin@claimpay.dev']])
  })

  it("left no console errors, and none of the generated patients' data in the Worker's log", async () => {
    expect(pageErrors).toEqual([])
    expect(consoleErrors).toEqual([])
    // The same claims the runner generated: rebuilt from its status, as the runner rebuilds its stream.
    const status = await adminJson(`/admin/generation/status?scenario=${SCENARIO}`, (b) => RunnerStatus.parse(b))
    const config: RunnerConfig = {
      scenario: status.scenario,
      target: 'history',
      speed: 'max',
      duration: 'two-years',
      claimsPerDay: status.claimsPerDay,
      seed: status.seed,
      patterns: {},
      providerId: status.providerId,
      startSimMs: Date.parse(status.simulatedStart),
      startedAtMs: Date.parse(status.startedAt),
    }
    const { claims } = new ScenarioStream(planOf(config)).take(Number.MAX_SAFE_INTEGER, 300)
    expect(claims.length).toBe(300)
    const secrets: Record<string, string> = { accessToken }
    for (const [i, { patient }] of claims.entries()) {
      secrets[`patient ${i} name`] = `${patient.firstName} ${patient.lastName}`
      secrets[`patient ${i} member id`] = patient.coverage.memberId
      secrets[`patient ${i} street`] = patient.address.line1
    }
    const log = server!.output()
    expect(log, 'the log was captured').toContain('/api/v1/admin/risk/models/train')
    expect(leaksIn(log, secrets)).toEqual([])
  })
})
