import { env, SELF } from 'cloudflare:test'
import { expect } from 'vitest'
import { z } from 'zod'
import { OutboxEmail } from '../contracts/identity'
import { signDevAccessJwt } from '../identity/access'

export const ORIGIN = 'https://claimpay.test'
export const ACCESS_AUD = 'claimpay-admin'
export const ACCESS_ISS = 'https://claimpay.cloudflareaccess.com'

/** A password the policy accepts for any test email or practice name. */
export const GOOD_PASSWORD = 'Quartz-Lantern-Meadow-4417'

/** A client address of its own, so a test never spends another test's sign-in budget. */
export function freshIp(): string {
  const [a, b, c] = crypto.getRandomValues(new Uint8Array(3))
  return `10.${a}.${b}.${c}`
}

/** An address no other test uses (the schema lowercases emails, so these are lowercase already). */
export function freshEmail(label = 'user'): string {
  return `${label}.${crypto.randomUUID().slice(0, 12)}@test.claimpay.dev`
}

/** Cookies as a browser keeps them: the latest Set-Cookie for a name wins, Max-Age=0 or an empty value drops it. */
export class CookieJar {
  readonly cookies = new Map<string, string>()

  take(response: Response): this {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === ''
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return this
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  /** Another jar holding only some of these cookies (an old tab, a stolen cookie). */
  only(...names: string[]): CookieJar {
    const copy = new CookieJar()
    for (const name of names) {
      const value = this.cookies.get(name)
      if (value !== undefined) copy.cookies.set(name, value)
    }
    return copy
  }
}

type Call = RequestInit & { ip?: string; jar?: CookieJar; json?: unknown; csrf?: boolean }

/**
 * A request through the whole Worker, as a browser would send it: the jar's cookies, the CSRF cookie
 * echoed in X-CSRF-Token (unless `csrf: false`), and the jar updated from the answer.
 */
export async function call(path: string, { ip, jar, json, csrf = true, ...init }: Call = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  if (ip) headers.set('cf-connecting-ip', ip)
  if (jar && jar.cookies.size) headers.set('cookie', jar.header())
  const token = jar?.get('cp_csrf')
  if (csrf && token && !headers.has('x-csrf-token')) headers.set('x-csrf-token', token)
  if (json !== undefined) headers.set('content-type', 'application/json')
  const url = path.startsWith('http') ? path : `${ORIGIN}/api/v1${path}`
  const response = await SELF.fetch(url, { ...init, headers, body: json !== undefined ? JSON.stringify(json) : init.body })
  jar?.take(response)
  return response
}

const Outbox = z.object({ items: z.array(OutboxEmail) })

/** What the development mailbox holds for one address, newest first. */
export async function outboxFor(email: string): Promise<z.infer<typeof OutboxEmail>[]> {
  const res = await SELF.fetch(`${ORIGIN}/api/v1/dev/outbox`)
  expect(res.status).toBe(200)
  return Outbox.parse(await res.json()).items.filter((m) => m.toEmail === email)
}

/** The `token` of the newest emailed link to `email` (of `template`, when given). */
export async function latestToken(email: string, template?: string): Promise<string> {
  const mail = (await outboxFor(email)).find((m) => !template || m.template === template)
  if (!mail) throw new Error(`no ${template ?? ''} email for ${email}`)
  const link = /https?:\/\/\S+\?token=([A-Za-z0-9_-]+)/.exec(mail.body)
  if (!link?.[1]) throw new Error(`the ${mail.template} email has no link`)
  return link[1]
}

export type Account = { email: string; password: string; practice: string; ip: string }

/** A practice and its owner through the real routes: sign up, open the emailed link. */
export async function signUpAndVerify(email: string, password: string, practice: string, ip = freshIp()): Promise<Account> {
  const signup = await call('/auth/signup', { method: 'POST', ip, json: { email, password, practiceName: practice } })
  expect(signup.status).toBe(202)
  const verify = await call('/auth/verify-email', { method: 'POST', ip, json: { token: await latestToken(email, 'verify-email') } })
  expect(verify.status).toBe(200)
  return { email, password, practice, ip }
}

export type LoginAnswer = { status: 'signed-in'; me: { userId: string; providerId: string; role: string } } | { status: 'mfa-required'; mfaToken: string }

/** Password sign-in; the jar holds cp_at, cp_rt and cp_csrf when it signed in. */
export async function login(email: string, password: string, ip = freshIp()): Promise<{ res: Response; jar: CookieJar; body: LoginAnswer; ip: string }> {
  const jar = new CookieJar()
  const res = await call('/auth/login', { method: 'POST', ip, jar, json: { email, password } })
  const body = (res.status === 200 ? await res.json() : null) as LoginAnswer
  return { res, jar, body, ip }
}

/** The Access header of a ClaimPay staff member, signed with the development key the Worker trusts in tests. */
export async function adminHeaders(email = 'ops@claimpay.dev', init?: HeadersInit): Promise<Headers> {
  const headers = new Headers(init)
  headers.set('cf-access-jwt-assertion', await signDevAccessJwt(env.DEV_ACCESS_PRIVATE_JWK, { email, aud: ACCESS_AUD, iss: ACCESS_ISS }, Math.floor(Date.now() / 1000)))
  return headers
}

export async function adminCall(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const { json, ...rest } = init
  const headers = await adminHeaders(undefined, rest.headers)
  if (json !== undefined) headers.set('content-type', 'application/json')
  return SELF.fetch(`${ORIGIN}/api/v1${path}`, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body })
}

export type IssuedToken = { id: string; partnerId: string; secret: string; scopes: string[]; expiresAt: string }

/** A new bank partner and a signing token for it, through the admin API. */
export async function issuePartnerToken(scopes: string[] = ['portfolio:read', 'funding:approve']): Promise<IssuedToken> {
  const partner = await adminCall('/admin/partners', { method: 'POST', json: { name: `Bank ${crypto.randomUUID().slice(0, 6)}` } })
  expect(partner.status).toBe(201)
  const { id } = (await partner.json()) as { id: string }
  const token = await adminCall(`/admin/partners/${id}/tokens`, { method: 'POST', json: { scopes, expiresInDays: 30 } })
  expect(token.status).toBe(201)
  return (await token.json()) as IssuedToken
}

/** A jar holding a session made by `signedInAs`, for tests that need roles without paying for password hashes. */
export function jarOf(session: { cookie: string }): CookieJar {
  const jar = new CookieJar()
  for (const pair of session.cookie.split('; ')) {
    const eq = pair.indexOf('=')
    jar.cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
  }
  return jar
}
