import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { ApiSession, createPractice, testClientIp } from '../scripts/api-session'
import { ensureAppBuilt, ROOT, startLocalServer, type LocalServer } from '../scripts/local-server'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
export const RESULTS = join(ROOT, 'test-results')

/** One server per test file, with all of its output kept so a test can check what the Worker logged. */
export async function startE2eServer(port: number, name: string): Promise<LocalServer> {
  ensureAppBuilt()
  mkdirSync(RESULTS, { recursive: true })
  return startLocalServer({ port, fresh: true, snapshot: true, captureOutput: true, logFile: join(RESULTS, `${name}-wrangler.log`), readyTimeoutMs: 120_000 })
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
}

/** Options for every browser context: the pages' own CSP always applies, as it does for users. */
export function contextOptions(viewport = { width: 1366, height: 900 }): BrowserContextOptions {
  return { viewport }
}

/**
 * Fails fast, with the reason, when the browser blocks a script: a page whose inline bootstrap is
 * refused never hydrates, and every click would fall back to a plain form post.
 */
export function watchPage(page: Page, errors: string[]): Page {
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) errors.push(`CSP: ${message.text()}`)
  })
  return page
}

/**
 * Opens `url` and waits until the app's scripts have loaded and run: before hydration a click on a
 * form's button posts the form natively instead of calling the API.
 */
export async function gotoHydrated(page: Page, url: string, errors: string[]): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' })
  const blocked = errors.filter((e) => e.startsWith('CSP: '))
  if (blocked.length > 0) throw new Error(`${url} did not hydrate: the browser blocked a script. ${blocked[0]}`)
}

/** Unique per run, so several runs against one database never collide. */
export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/**
 * The session of `session` in a browser context. The API's cookies are Secure; Chromium keeps Secure
 * cookies for http://127.0.0.1 because it counts loopback as a secure context. Playwright's `url` form
 * would clear the Secure flag for an http URL, hence domain and path.
 */
export async function signInContext(context: BrowserContext, session: ApiSession): Promise<void> {
  const { hostname } = new URL(session.base)
  await context.addCookies(
    [...session.cookies].map(([name, value]) => ({
      name,
      value,
      domain: hostname,
      path: '/',
      secure: true,
      httpOnly: name !== 'cp_csrf',
      sameSite: name === 'cp_csrf' ? ('Strict' as const) : ('Lax' as const),
    })),
  )
}

/** A fresh practice with its owner signed in and TOTP-enrolled, created through the API. */
export async function freshPractice(base: string, label: string) {
  const suffix = uniqueSuffix()
  const owner = { email: `owner-${suffix}@e2e.claimpay.test`, password: `Tidal-Cobalt-Fern-${suffix}`, practiceName: `${label} ${suffix}` }
  const practice = await createPractice(base, owner, testClientIp())
  return { ...practice, owner }
}

/** Secrets that must never reach the Worker's logs, with where they were found. */
export function leaksIn(log: string, secrets: Record<string, string>): string[] {
  const lowered = log.toLowerCase()
  return Object.entries(secrets)
    .filter(([, value]) => value.length >= 4 && lowered.includes(value.toLowerCase()))
    .map(([label, value]) => {
      const at = lowered.indexOf(value.toLowerCase())
      return `${label} (${JSON.stringify(value)}) in: ${log.slice(Math.max(0, at - 120), at + value.length + 40).replace(/\s+/g, ' ')}`
    })
}
