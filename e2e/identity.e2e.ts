import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey, freshTotpCode } from '../scripts/api-session'
import type { LocalServer } from '../scripts/local-server'
import { CLAIM_CSV_COLUMNS, ClaimInput } from '../worker/contracts'
import { contextOptions, freshPractice, gotoHydrated, launchChromium, leaksIn, RESULTS, signInContext, startE2eServer, uniqueSuffix, watchPage } from './support'

// The spec's browser test of accounts: an owner signs up, confirms the email from the outbox, signs in,
// is sent to set up TOTP, invites a viewer; the viewer joins from the invitation email in another
// browser and cannot change anything. Then the staff pages behind (development) Access. Last, with
// everything the Worker logged kept, a claim carrying patient data must leave none of it in the log.

const PORT = Number(process.env.E2E_IDENTITY_PORT ?? 8942)

const suffix = uniqueSuffix()
const OWNER = { email: `dana-${suffix}@e2e.claimpay.test`, password: `Orchid-Basalt-Meridian-${suffix}`, practiceName: `Riverside Pediatrics ${suffix}` }
const VIEWER = { email: `vic-${suffix}@e2e.claimpay.test`, password: `Saffron-Tundra-Ledger-${suffix}`, displayName: 'Vic Viewer' }
/** Synthetic patient data whose every identifier is unusual enough to find in a log. */
const PATIENT = {
  firstName: 'Quillonia',
  lastName: `Vandersnoot${suffix.slice(-4)}`,
  dateOfBirth: '1953-07-29',
  memberId: `MBRX${Date.now()}`,
  address: { line1: '4417 Zephyrine Crescent', city: 'Tallowbrook', state: 'VT', postalCode: '05401' },
}
const NOTE = `Bilateral otalgia reported by Quillonia after swimming ${suffix}`

let server: LocalServer | undefined
let browser: Browser | undefined
const contexts: BrowserContext[] = []
const pageErrors: string[] = []
const extraPasswords: Record<string, string> = {}

async function newContext(): Promise<BrowserContext> {
  const context = await browser!.newContext(contextOptions())
  contexts.push(context)
  return context
}

async function openPage(context: BrowserContext): Promise<Page> {
  return watchPage(await context.newPage(), pageErrors)
}

/** The link in the newest email of `template` to `to`, as a person would find it on /dev/outbox. */
async function linkFromOutbox(page: Page, to: string, template: string): Promise<string> {
  await page.goto(`${server!.url}/dev/outbox`, { waitUntil: 'load' })
  const email = page.locator(`[data-testid="outbox-email"][data-to="${to}"][data-template="${template}"]`).first()
  await email.waitFor({ timeout: 10_000 })
  const href = await email.locator('a').first().getAttribute('href')
  expect(href, `a link in the ${template} email`).toBeTruthy()
  return href!
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

beforeAll(async () => {
  server = await startE2eServer(PORT, 'identity')
  browser = await launchChromium()
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {})
  await browser?.close().catch(() => {})
  await server?.stop()
})

describe('accounts in the browser', () => {
  it('signs up, confirms the email, signs in, enrols TOTP, invites a viewer who cannot change anything', async () => {
    const ownerContext = await newContext()
    const page = await openPage(ownerContext)

    await gotoHydrated(page, `${server!.url}/signup`, pageErrors)
    await page.locator('#signup-practice').fill(OWNER.practiceName)
    await page.locator('#signup-email').fill(OWNER.email)
    await page.locator('#signup-password').fill(OWNER.password)
    await page.locator('[data-testid="signup-form"] button[type="submit"]').click()
    await page.locator('[data-testid="signup-done"]').waitFor({ timeout: 15_000 })

    await gotoHydrated(page, await linkFromOutbox(page, OWNER.email, 'verify-email'), pageErrors)
    await expect.poll(() => page.locator('[data-testid="verify-email-result"]').getAttribute('data-state'), { timeout: 15_000 }).toBe('verified')

    await gotoHydrated(page, `${server!.url}/login`, pageErrors)
    await page.locator('#login-email').fill(OWNER.email)
    await page.locator('#login-password').fill(OWNER.password)
    await page.locator('[data-testid="login-form"] button[type="submit"]').click()
    // An owner without a second factor is sent to set one up before anything else.
    await page.waitForURL((url) => url.pathname === '/settings/security', { timeout: 15_000 })
    await page.waitForLoadState('networkidle')
    await page.locator('[data-testid="mfa-required-notice"]').waitFor()

    await page.locator('[data-testid="totp-start"]').click()
    const secret = ((await page.locator('[data-testid="totp-secret"]').textContent({ timeout: 10_000 })) ?? '').replace(/\s+/g, '')
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/)
    await page.locator('#totp-code').fill(await freshTotpCode(secret))
    await page.locator('[data-testid="totp-confirm-form"] button[type="submit"]').click()
    await page.locator('[data-testid="totp-enabled"]').waitFor({ timeout: 15_000 })
    await page.screenshot({ path: join(RESULTS, 'identity-totp.png'), fullPage: true })

    await gotoHydrated(page, `${server!.url}/team`, pageErrors)
    expect(new URL(page.url()).pathname).toBe('/team')
    await page.locator('#invite-email').fill(VIEWER.email)
    await page.locator('#invite-role').selectOption('viewer')
    await page.locator('[data-testid="invite-form"] button[type="submit"]').click()
    await page.locator('[data-testid="invite-sent"]').waitFor({ timeout: 15_000 })
    await page.locator(`[data-testid="invite-row"][data-email="${VIEWER.email}"]`).waitFor()

    // The teammate, in a browser that has never seen the owner's session.
    const viewerContext = await newContext()
    const viewerPage = await openPage(viewerContext)
    await gotoHydrated(viewerPage, await linkFromOutbox(viewerPage, VIEWER.email, 'invite'), pageErrors)
    await viewerPage.locator('#invite-name').fill(VIEWER.displayName)
    await viewerPage.locator('#invite-password').fill(VIEWER.password)
    await viewerPage.locator('[data-testid="accept-invite-form"] button[type="submit"]').click()
    await viewerPage.waitForURL((url) => url.pathname === '/', { timeout: 15_000 })
    await expect.poll(() => viewerPage.locator('[data-testid="account-role"]').textContent()).toBe('viewer')
    await expect.poll(() => viewerPage.locator('[data-testid="account-email"]').textContent()).toBe(VIEWER.email)

    // Nothing to change is offered: no upload in the navigation, no invite form on the team page.
    const nav = viewerPage.getByRole('navigation', { name: 'Main' })
    expect(await nav.getByRole('link', { name: 'Upload' }).count()).toBe(0)
    expect(await nav.getByRole('link', { name: 'API keys' }).count()).toBe(0)
    await gotoHydrated(viewerPage, `${server!.url}/team`, pageErrors)
    await viewerPage.locator(`[data-testid="member-row"][data-email="${VIEWER.email}"][data-role="viewer"]`).waitFor()
    await viewerPage.locator('[data-testid="team-read-only"]').waitFor()
    expect(await viewerPage.locator('[data-testid="invite-form"]').count()).toBe(0)
    expect(await viewerPage.locator('[data-testid="member-role"]').count()).toBe(0)
    await viewerPage.screenshot({ path: join(RESULTS, 'identity-viewer-team.png'), fullPage: true })

    // And the API refuses a change asked for directly, with a valid session and CSRF token.
    const refused = await viewerPage.evaluate<{ invite: number; claim: number; csrfPresent: boolean }>(`(async () => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('cp_csrf='))?.slice('cp_csrf='.length) ?? ''
      const post = (path, body) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body) })
      const invite = await post('/api/v1/team/invites', { email: 'someone-else@e2e.claimpay.test', role: 'owner' })
      const claim = await post('/api/v1/claims', { claimNumber: 'VIEWER-1', payer: { id: '12502', name: 'Medicare' }, serviceDate: '${daysAgo(2)}', diagnoses: ['I10'], lines: [{ procedureCode: '99213', chargeCents: 100 }] })
      return { invite: invite.status, claim: claim.status, csrfPresent: csrf.length > 0 }
    })()`)
    expect(refused).toEqual({ invite: 403, claim: 403, csrfPresent: true })

    // The owner's team page now lists the viewer as a member, and no invitation is pending.
    await gotoHydrated(page, `${server!.url}/team`, pageErrors)
    await page.locator(`[data-testid="member-row"][data-email="${VIEWER.email}"][data-role="viewer"]`).waitFor()
    expect(await page.locator(`[data-testid="invite-row"][data-email="${VIEWER.email}"]`).count()).toBe(0)
    expect(await page.locator(`[data-testid="invite-row"][data-email="someone-else@e2e.claimpay.test"]`).count()).toBe(0)
    expect(pageErrors).toEqual([])
  })

  it('refuses /admin as staff-only (401) without Access, and opens the audit log with an intact chain through /dev/access', async () => {
    const context = await newContext()
    const page = await openPage(context)
    // The Worker refuses admin pages before anything renders, as the admin API does.
    const refused = await page.goto(`${server!.url}/admin`, { waitUntil: 'load' })
    expect(refused?.status()).toBe(401)
    expect(await refused?.text()).toContain('ClaimPay staff only')
    expect(await page.locator('[data-testid="admin-email"]').count()).toBe(0)
    const apiStatus = await context.request.get(`${server!.url}/api/v1/admin/me`).then((r) => r.status())
    expect(apiStatus).toBe(401)

    await gotoHydrated(page, `${server!.url}/dev/access`, pageErrors)
    await page.locator('[data-testid="dev-access-form"] button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin', { timeout: 15_000 })
    await page.locator('[data-testid="admin-email"]').waitFor()
    await gotoHydrated(page, `${server!.url}/admin/audit`, pageErrors)
    await expect.poll(() => page.locator('[data-testid="admin-email"]').textContent()).toBe('admin@claimpay.dev')
    await page.locator('[data-testid="audit-verify"]').click()
    const result = page.locator('[data-testid="audit-verify-result"]')
    await result.waitFor({ timeout: 15_000 })
    expect(await result.getAttribute('data-ok'), (await result.textContent()) ?? '').toBe('true')
    await page.screenshot({ path: join(RESULTS, 'identity-admin-audit.png'), fullPage: true })
    expect(pageErrors).toEqual([])
  })

  it("keeps patient data and passwords out of the Worker's log", async () => {
    const practice = await freshPractice(server!.url, 'Log Check Clinic')
    extraPasswords.logCheckOwner = practice.owner.password
    const key = await createApiKey(practice.session, 'e2e log check')
    const withKey = (path: string, init: RequestInit = {}) =>
      fetch(`${server!.url}/api/v1${path}`, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), authorization: `Bearer ${key}` } })
    // Whatever patient fields the API takes today: a field it does not know would only be refused.
    const takesPatient = 'patient' in ClaimInput.shape
    const takesNote = 'note' in ClaimInput.shape
    const claim = {
      claimNumber: `LOG-${suffix}`,
      payer: { id: '12502', name: 'Medicare' },
      serviceDate: daysAgo(3),
      diagnoses: ['H9203'],
      lines: [{ procedureCode: '99213', chargeCents: 12_500 }],
      ...(takesPatient ? { patient: PATIENT } : {}),
      ...(takesNote ? { note: NOTE } : {}),
    }
    const created = await withKey('/claims', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claim) })
    expect(created.status, await created.clone().text()).toBe(202)
    const { id } = (await created.json()) as { id: string }
    // A refused claim with the same patient: validation errors must not carry PHI to the log either.
    const invalid = await withKey('/claims', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...claim, claimNumber: `LOG-BAD-${suffix}`, diagnoses: ['not-a-code'] }) })
    expect(invalid.status).toBe(400)
    expect(await invalid.text()).not.toContain(PATIENT.lastName)

    const columns = new Set<string>(CLAIM_CSV_COLUMNS.map((c) => c.name))
    const row: Record<string, string> = {
      claim_number: `LOGCSV-${suffix}`,
      payer_id: '60054',
      payer_name: 'Aetna',
      service_date: daysAgo(4),
      place_of_service: '11',
      diagnosis_codes: 'J06.9',
      procedure_code: '99212',
      units: '1',
      charge: '80.00',
      diagnosis_pointers: '1',
      patient_first_name: PATIENT.firstName,
      patient_last_name: PATIENT.lastName,
      patient_dob: PATIENT.dateOfBirth,
      member_id: PATIENT.memberId,
      patient_address: PATIENT.address.line1,
      patient_city: PATIENT.address.city,
      patient_state: PATIENT.address.state,
      patient_zip: PATIENT.address.postalCode,
      note: NOTE,
    }
    const header = Object.keys(row).filter((name) => columns.has(name))
    const csv = [header.join(','), header.map((name) => row[name]).join(',')].join('\r\n')
    const uploaded = await withKey('/uploads', { method: 'POST', headers: { 'content-type': 'text/csv', 'x-filename': 'patients.csv' }, body: csv })
    expect(uploaded.status, await uploaded.clone().text()).toBe(202)

    // Through the whole pipeline, then read back on the claim's own page (a PHI read).
    await expect
      .poll(async () => ((await (await withKey(`/claims/${id}`)).json()) as { status: string }).status, { timeout: 90_000, interval: 500 })
      .toMatch(/^(submitted|rejected)$/)
    const context = await newContext()
    await signInContext(context, practice.session)
    const page = await openPage(context)
    const shown = await page.goto(`${server!.url}/claims/${id}`, { waitUntil: 'load' })
    expect(shown?.status()).toBe(200)
    // Give the queues a moment to log whatever they log after the last step.
    await new Promise((done) => setTimeout(done, 2000))

    const log = server!.output()
    expect(log, 'the log was captured').toContain(`POST /api/v1/claims`)
    const patientIdentifiers: Record<string, string> = takesPatient
      ? {
          firstName: PATIENT.firstName,
          lastName: PATIENT.lastName,
          dateOfBirth: PATIENT.dateOfBirth,
          memberId: PATIENT.memberId,
          street: PATIENT.address.line1,
          city: PATIENT.address.city,
        }
      : {}
    const leaks = leaksIn(log, {
      ...patientIdentifiers,
      ...(takesNote ? { note: NOTE } : {}),
      ownerPassword: OWNER.password,
      viewerPassword: VIEWER.password,
      ...extraPasswords,
    })
    expect(leaks).toEqual([])
    if (!takesPatient) console.warn('ClaimInput has no patient fields yet: only passwords were checked in the log.')
  })
})
