import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiSession } from '../scripts/api-session'
import type { LocalServer } from '../scripts/local-server'
import { contextOptions, freshPractice, gotoHydrated, launchChromium, leaksIn, RESULTS, signInContext, startE2eServer, watchPage } from './support'

// The dashboard follows a claim live: it appears, the counter moves, the row walks to "submitted",
// all over the WebSocket and without a reload. Then the claim's own page shows its timeline.

const PORT = Number(process.env.E2E_PORT ?? 8941)
const SCREENSHOTS = RESULTS

/** The labels the app shows for the statuses a clean claim passes through (app/src/lib/status.ts). */
const CLEAN_PATH_LABELS: [status: string, label: string][] = [
  ['received', 'Received'],
  ['parsed', 'Parsed'],
  ['coded', 'Coded'],
  ['scored', 'Scored'],
  ['approved', 'Approved'],
  ['payout_pending', 'Payout pending'],
  ['paid', 'Paid out'],
  ['submitted', 'Submitted to payer'],
]

type ClaimTimeline = { id: string; status: string; events: { version: number; toStatus: string; at: string }[] }

let server: LocalServer | undefined
let browser: Browser | undefined
let context: BrowserContext | undefined
/** The owner of a practice made for this file, so the dashboard starts from zero. */
let owner: ApiSession | undefined
let ownerPassword = ''
let claimId: string | undefined
const pageErrors: string[] = []

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)
}

async function api(path: string, init: { method?: string; body?: string } = {}): Promise<Response> {
  if (!owner) throw new Error('no practice')
  return owner.request(init.method ?? 'GET', path, init.body)
}

async function openPage(): Promise<Page> {
  if (!context) throw new Error('no browser context')
  return watchPage(await context.newPage(), pageErrors)
}

beforeAll(async () => {
  server = await startE2eServer(PORT, 'dashboard')
  const practice = await freshPractice(server.url, 'Dashboard Clinic')
  owner = practice.session
  ownerPassword = practice.owner.password
  browser = await launchChromium()
  context = await browser.newContext(contextOptions())
  await signInContext(context, owner)
})

afterAll(async () => {
  await context?.close().catch(() => {})
  await browser?.close().catch(() => {})
  await server?.stop()
})

describe('dashboard', () => {
  it('shows a submitted claim live: new row, counter +1, status to submitted, no reload', async () => {
    const page = await openPage()
    let mainFrameNavigations = 0
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) mainFrameNavigations++
    })
    await gotoHydrated(page, `${server!.url}/`, pageErrors)
    await page.locator('[data-testid="live-status"][data-state="live"]').waitFor({ timeout: 30_000 })
    const navigationsAfterLoad = mainFrameNavigations
    const loadedAt = await page.evaluate(() => {
      const marked = globalThis as unknown as { __loadedAt?: number } // the page's window
      marked.__loadedAt = performance.timeOrigin + performance.now()
      return marked.__loadedAt
    })

    const counter = page.locator('[data-testid="counter-received"]')
    // Counters show a dash until the first snapshot frame: wait for a number.
    await expect.poll(async () => Number.isInteger(Number(await counter.textContent())), { timeout: 15_000 }).toBe(true)
    const before = Number(await counter.textContent())
    expect(await page.locator('[data-testid="claim-row"]').count()).toBe(0) // a fresh provider has no claims

    const res = await api('/claims', {
      method: 'POST',
      body: JSON.stringify({
        claimNumber: `E2E-${Date.now()}`,
        payer: { id: '12502', name: 'Medicare' },
        serviceDate: daysAgo(3),
        placeOfService: '11',
        diagnoses: ['E119', 'I10'],
        lines: [
          { procedureCode: '99213', chargeCents: 12_500, diagnosisPointers: [1, 2] },
          { procedureCode: '85025', chargeCents: 2_850 },
        ],
      }),
    })
    expect(res.status).toBe(202)
    const created = (await res.json()) as { id: string; status: string }
    claimId = created.id

    const row = page.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`)
    await row.waitFor({ timeout: 15_000 })
    await expect.poll(async () => Number(await counter.textContent()), { timeout: 15_000 }).toBe(before + 1)
    await expect.poll(async () => row.getAttribute('data-status'), { timeout: 90_000, interval: 250 }).toBe('submitted')
    // The counter counts claims received: still one more than before, not one per step.
    expect(Number(await counter.textContent())).toBe(before + 1)
    // A submitted claim has left the pipeline.
    await expect.poll(async () => Number(await page.locator('[data-testid="counter-in-pipeline"]').textContent())).toBe(0)
    expect(await page.locator('[data-testid="claim-row"]').count()).toBe(1)

    // Everything above came over the WebSocket: the page was never reloaded or navigated.
    expect(await page.evaluate(() => (globalThis as unknown as { __loadedAt?: number }).__loadedAt)).toBe(loadedAt)
    expect(mainFrameNavigations).toBe(navigationsAfterLoad)
    await expect.poll(() => page.locator('[data-testid="live-status"]').getAttribute('data-state')).toBe('live')

    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true })
    expect(pageErrors).toEqual([])
    await page.close()
  })

  it("shows the claim's timeline on its own page", async () => {
    expect(claimId, 'the first test creates the claim').toBeDefined()
    const res = await api(`/claims/${claimId}`)
    expect(res.status).toBe(200)
    const claim = (await res.json()) as ClaimTimeline
    expect(claim.status).toBe('submitted')
    expect(claim.events.map((e) => e.toStatus)).toEqual(CLEAN_PATH_LABELS.map(([status]) => status))

    const page = await openPage()
    const response = await page.goto(`${server!.url}/claims/${claimId}`, { waitUntil: 'load' })
    expect(response?.status()).toBe(200)
    await expect.poll(() => page.locator('[data-testid="claim-status"]').getAttribute('data-status')).toBe('submitted')

    const timeline = page.getByRole('region', { name: 'Timeline' })
    const steps = timeline.locator('li')
    await expect.poll(() => steps.count()).toBe(claim.events.length)
    const texts = await steps.allTextContents()
    CLEAN_PATH_LABELS.forEach(([, label], i) => expect(texts[i], `step ${i + 1}`).toContain(label))

    await page.screenshot({ path: join(SCREENSHOTS, 'claim-timeline.png'), fullPage: true })
    expect(pageErrors).toEqual([])
    await page.close()
  })

  it('uploads a CSV from the upload page and follows it until every claim is decided', async () => {
    const page = await openPage()
    await gotoHydrated(page, `${server!.url}/upload`, pageErrors)
    const rows = [
      'claim_number,payer_id,payer_name,service_date,place_of_service,diagnosis_codes,procedure_code,modifiers,units,charge,diagnosis_pointers',
      `UP-${Date.now()}-1,12502,Medicare,${daysAgo(2)},11,E11.9;I10,99213,,1,125.00,1;2`,
      `UP-${Date.now()}-2,60054,Aetna,${daysAgo(4)},11,J06.9,99212,,1,80.00,1`,
    ]
    await page.locator('input[type="file"]').setInputFiles({ name: 'two-claims.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\r\n')) })
    await page.getByRole('button', { name: /upload/i }).first().click()
    const progress = page.locator('[data-testid="upload-progress"]')
    await progress.waitFor({ timeout: 15_000 })
    await expect.poll(() => progress.getAttribute('data-settled'), { timeout: 60_000, interval: 250 }).toBe('2')
    await expect.poll(() => progress.textContent()).toContain('All 2 claims decided')
    await page.screenshot({ path: join(SCREENSHOTS, 'upload.png'), fullPage: true })
    expect(pageErrors).toEqual([])
    await page.close()
  })

  it('fits a phone screen: no page scrolls sideways (wide tables scroll inside their cards)', async () => {
    expect(claimId, 'the first test creates the claim').toBeDefined()
    const phone = await browser!.newContext(contextOptions({ width: 390, height: 844 }))
    await signInContext(phone, owner!)
    const page = await phone.newPage()
    for (const path of ['/', '/claims', `/claims/${claimId}`, '/upload']) {
      await page.goto(`${server!.url}${path}`, { waitUntil: 'load' })
      // Evaluated in the page (a string, so this Node-side file needs no DOM types).
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')
      expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0)
    }
    await phone.close()
  })

  it("never writes the owner's password to the Worker's log", () => {
    expect(server!.output()).toContain('/api/v1/auth/login') // the log was captured
    expect(leaksIn(server!.output(), { ownerPassword })).toEqual([])
  })
})
