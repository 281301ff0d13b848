import { totpCode } from '../worker/identity/totp'

/**
 * Accounts on a local ClaimPay through its real API, for the demo seed, the benches and the browser
 * tests. Node's fetch keeps no cookies, so a session keeps the ones the API sets and echoes `cp_csrf`
 * in `X-CSRF-Token` on changes, as the app does.
 */

export class ApiCallFailed extends Error {
  override name = 'ApiCallFailed'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** The account asks for an authenticator code and the caller has no secret to make one. */
export class TotpSecretMissing extends Error {
  override name = 'TotpSecretMissing'
}

type Json = Record<string, unknown>

export class ApiSession {
  readonly cookies = new Map<string, string>()

  /**
   * `clientIp` is sent as CF-Connecting-IP, which the local server passes through: sign-in routes are
   * budgeted per address, and every local caller would otherwise share one budget of 20 a minute.
   */
  constructor(
    readonly base: string,
    readonly clientIp?: string,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h = new Headers(headers)
    if (this.cookies.size > 0) h.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    const csrf = this.cookies.get('cp_csrf')
    if (csrf && method !== 'GET') h.set('x-csrf-token', csrf)
    if (this.clientIp) h.set('cf-connecting-ip', this.clientIp)
    if (body !== undefined && !h.has('content-type')) h.set('content-type', 'application/json')
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    const res = await fetch(`${this.base}/api/v1${path}`, { method, headers: h, body: payload, signal: AbortSignal.timeout(60_000) })
    for (const line of res.headers.getSetCookie()) this.keepCookie(line)
    return res
  }

  /** The parsed answer, or ApiCallFailed naming the route and the problem when the status is not expected. */
  async json<T = Json>(method: string, path: string, body?: unknown, expected: number[] = [200, 201, 202]): Promise<T> {
    const res = await this.request(method, path, body)
    const text = await res.text()
    if (!expected.includes(res.status)) throw new ApiCallFailed(res.status, `${method} ${path} answered ${res.status}: ${text.slice(0, 400)}`)
    return (text ? JSON.parse(text) : null) as T
  }

  private keepCookie(line: string): void {
    const [pair = '', ...attributes] = line.split(';')
    const at = pair.indexOf('=')
    if (at < 1) return
    const name = pair.slice(0, at).trim()
    const value = pair.slice(at + 1).trim()
    const expired = attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a)) || value === ''
    if (expired) this.cookies.delete(name)
    else this.cookies.set(name, value)
  }
}

export type Account = { email: string; password: string }
export type SignedIn = { session: ApiSession; me: Me }
export type Me = { userId: string; providerId: string; providerName: string; email: string; role: string; mfaEnabled: boolean; mfaEnrollmentRequired: boolean }
type OutboxEmail = { toEmail: string; template: string; body: string; createdAt: string }

/** An address from 198.18.0.0/15 (RFC 2544, for benchmarking): its own sign-in budget, never a real client. */
export function testClientIp(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1
  return `198.${18 + (byte() % 2)}.${byte()}.${byte()}`
}

/** The link in the newest email of `template` to `to`, read from the development outbox. */
export async function outboxLink(base: string, to: string, template: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await fetch(`${base}/api/v1/dev/outbox`)
    if (res.status === 404) throw new ApiCallFailed(404, 'the development outbox is switched off (DEV_OUTBOX in .dev.vars)')
    const { items } = (await res.json()) as { items: OutboxEmail[] }
    const email = items
      .filter((e) => e.toEmail === to.toLowerCase() && e.template === template)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0]
    const link = email?.body.match(/https?:\/\/\S+/)?.[0]
    if (link) return link
    await sleep(250)
  }
  throw new ApiCallFailed(404, `no ${template} email to ${to} in the outbox`)
}

export const tokenOf = (link: string): string => new URL(link).searchParams.get('token') ?? ''

const lastStepUsed = new Map<string, number>()

/**
 * The current code for `secret`. The API accepts each code once (RFC 6238 §5.2), so a second sign-in
 * within the same 30 s step waits for the next one.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  const step = Math.floor(Date.now() / 30_000)
  const last = lastStepUsed.get(secret) ?? -1
  if (step <= last) await sleep((last + 1) * 30_000 - Date.now() + 50)
  const now = Date.now()
  lastStepUsed.set(secret, Math.floor(now / 30_000))
  return totpCode(secret, now)
}

/** Creates the practice and its owner and confirms the email through the outbox link. */
export async function signUpPractice(base: string, owner: Account & { practiceName: string }, clientIp?: string): Promise<void> {
  const anonymous = new ApiSession(base, clientIp)
  await anonymous.json('POST', '/auth/signup', { email: owner.email, password: owner.password, practiceName: owner.practiceName }, [202])
  const link = await outboxLink(base, owner.email, 'verify-email')
  await anonymous.json('POST', '/auth/verify-email', { token: tokenOf(link) }, [200])
}

/** Password, then the authenticator code when the account has one. */
export async function logIn(base: string, account: Account & { totpSecret?: string }, clientIp?: string): Promise<SignedIn> {
  const session = new ApiSession(base, clientIp)
  const first = await session.json<{ status: string; me?: Me; mfaToken?: string }>('POST', '/auth/login', { email: account.email, password: account.password }, [200])
  if (first.status === 'signed-in') return { session, me: first.me! }
  if (!account.totpSecret) throw new TotpSecretMissing(`${account.email} needs an authenticator code and no TOTP secret was given`)
  const second = await session.json<{ me: Me }>('POST', '/auth/login/mfa', { mfaToken: first.mfaToken, code: await freshTotpCode(account.totpSecret) }, [200])
  return { session, me: second.me }
}

/** Owners must have a second factor before anything else works: enrol one and confirm it. */
export async function enrolTotp(session: ApiSession): Promise<string> {
  const { secret } = await session.json<{ secret: string }>('POST', '/auth/totp/enroll', undefined, [200])
  await session.json('POST', '/auth/totp/confirm', { code: await freshTotpCode(secret) }, [200])
  return secret
}

/** A new practice whose owner is verified, signed in and TOTP-enrolled: ready to use. */
export async function createPractice(base: string, owner: Account & { practiceName: string }, clientIp?: string): Promise<SignedIn & { totpSecret: string }> {
  await signUpPractice(base, owner, clientIp)
  const { session } = await logIn(base, owner, clientIp)
  const totpSecret = await enrolTotp(session)
  const me = await session.json<Me>('GET', '/auth/me')
  return { session, me, totpSecret }
}

/** Invites `member` with `role` and accepts the invitation from the outbox, as they would. */
export async function addMember(owner: ApiSession, member: Account & { role: string; displayName: string }): Promise<SignedIn> {
  await owner.json('POST', '/team/invites', { email: member.email, role: member.role }, [201])
  const link = await outboxLink(owner.base, member.email, 'invite')
  const session = new ApiSession(owner.base, owner.clientIp)
  const accepted = await session.json<{ me: Me }>('POST', '/auth/invites/accept', { token: tokenOf(link), displayName: member.displayName, password: member.password }, [200])
  return { session, me: accepted.me }
}

export const API_KEY_SCOPES = ['claims:read', 'claims:write', 'uploads:write'] as const

/** A practice API key (`cpk_...`), for `Authorization: Bearer`. */
export async function createApiKey(owner: ApiSession, name: string, scopes: readonly string[] = API_KEY_SCOPES, expiresInDays = 90): Promise<string> {
  const created = await owner.json<{ key: string }>('POST', '/api-keys', { name, scopes, expiresInDays }, [201])
  return created.key
}

/** A ClaimPay admin through the development stand-in for Cloudflare Access (DEV_ACCESS). */
export async function devAdmin(base: string, email: string): Promise<ApiSession> {
  const admin = new ApiSession(base)
  const res = await admin.request('POST', '/dev/access-login', { email })
  if (res.status !== 204) throw new ApiCallFailed(res.status, `POST /dev/access-login answered ${res.status}: is DEV_ACCESS on in .dev.vars?`)
  return admin
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, Math.max(0, ms)))
