import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  AcceptInviteInput,
  ChangePasswordInput,
  LoginInput,
  LoginResult,
  Me,
  MfaLoginInput,
  ResetConfirmInput,
  ResetRequestInput,
  SignupInput,
  TokenInput,
  TotpCodeInput,
  TotpEnrollment,
} from '../../contracts/identity'
import {
  acceptInvite,
  authenticateAccessToken,
  changePassword,
  clearSessionCookies,
  confirmPasswordReset,
  confirmTotp,
  describeUser,
  enrollTotp,
  logIn,
  logInWithTotp,
  requestPasswordReset,
  revokeSessionQuery,
  revokeUserSessionsQuery,
  setSessionCookies,
  signUp,
  verifyEmail,
} from '../../identity'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem, type ApiEnv } from '../api-app'
import { sendEmails } from '../emails'
import { authenticate, requireUser, signedInUser } from '../middleware/authenticate'
import { csrfProtection } from '../middleware/csrf'
import { clientAddress, rateLimit, spendBudget } from '../middleware/rate-limit'
import { jsonBodyLimit, requireJson } from '../middleware/require-json'
import { ApiProblem } from '../problem'

const Message = z.object({ message: z.string() })

/**
 * Sign-in, sign-up and reset spend the per-address budget; the routes that send email also spend one
 * per address written to, so nobody can flood a mailbox; sign-in failures lock the email (identity/lockout.ts).
 */
const authBudget = rateLimit((env) => env.AUTH_LIMITER, (c) => `ip:${clientAddress(c)}`)
const publicJson = [authBudget, requireJson, jsonBodyLimit] as const
const signedIn = [authenticate({ allowWithoutMfa: true }), requireUser, csrfProtection] as const

function weakPassword(detail?: string): never {
  throw new ApiProblem(400, 'weak-password', 'Choose a stronger password', detail, [{ where: '/password', message: detail ?? 'too weak' }])
}


async function signedInAnswer(c: Context<ApiEnv>, issued: { accessToken: string; refreshToken: string }) {
  setSessionCookies(c, issued)
  const session = await authenticateAccessToken(c.var.deps, issued.accessToken)
  if (!session.ok) throw new Error('new session did not authenticate')
  return { status: 'signed-in' as const, me: await describeUser(c.var.deps, session.principal) }
}

function lockedOut(c: Context<ApiEnv>, retryAfterSec = 60): never {
  c.header('retry-after', String(retryAfterSec))
  throw new ApiProblem(429, 'account-locked', 'Too many failed sign-ins', `Try again in ${retryAfterSec} seconds, or reset your password.`)
}

const origin = (c: Context<ApiEnv>) => new URL(c.req.url).origin

export const authRoutes = apiRouter()
  .openapi(
    createRoute({ method: 'post', path: '/auth/signup', summary: 'Create a practice and its owner account', middleware: [...publicJson], request: jsonBody(SignupInput), responses: { 202: jsonOk('A verification email is on its way', Message), 400: problem('Invalid input or a weak password'), 429: problem('Too many attempts') } }),
    async (c) => {
      await spendBudget(c, c.env.AUTH_LIMITER, `email:${c.req.valid('json').email}`)
      const result = await signUp(c.var.deps, c.req.valid('json'), origin(c), c.var.config.DEFAULT_CUT_BPS)
      if (!result.ok) weakPassword(result.detail)
      await sendEmails(c.env, result.emails)
      return c.json({ message: 'Check your email for a link to confirm your address.' }, 202)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/verify-email', summary: 'Confirm an email address with the emailed token', middleware: [...publicJson], request: jsonBody(TokenInput), responses: { 200: jsonOk('Verified', z.object({ verified: z.literal(true) })), 400: problem('The link is invalid, used or expired') } }),
    async (c) => {
      const result = await verifyEmail(c.var.deps, c.req.valid('json').token)
      if (!result.ok) throw new ApiProblem(400, 'invalid-token', 'This link is invalid or has expired', 'Sign in to have a new one sent, or sign up again.')
      return c.json({ verified: true as const }, 200)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/login', summary: 'Sign in with email and password', middleware: [...publicJson], request: jsonBody(LoginInput), responses: { 200: jsonOk('Signed in, or a second factor is needed', LoginResult), 401: problem('Wrong email or password'), 403: problem('The email is not verified yet'), 429: problem('Locked after failed attempts') } }),
    async (c) => {
      const { email, password } = c.req.valid('json')
      const result = await logIn(c.var.deps, email, password)
      if (!result.ok) {
        if (result.reason === 'locked') lockedOut(c, result.retryAfterSec)
        if (result.reason === 'email-not-verified') throw new ApiProblem(403, 'email-not-verified', 'Confirm your email first', 'Open the link in the email we sent when you signed up.')
        throw new ApiProblem(401, 'bad-credentials', 'Wrong email or password')
      }
      if (result.kind === 'mfa-required') return c.json({ status: 'mfa-required' as const, mfaToken: result.mfaToken }, 200)
      return c.json(await signedInAnswer(c, result.issued), 200)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/login/mfa', summary: 'Second sign-in step: the authenticator code', middleware: [...publicJson], request: jsonBody(MfaLoginInput), responses: { 200: jsonOk('Signed in', LoginResult), 400: problem('The sign-in step expired'), 401: problem('Wrong code'), 429: problem('Locked after failed attempts') } }),
    async (c) => {
      const { mfaToken, code } = c.req.valid('json')
      const result = await logInWithTotp(c.var.deps, mfaToken, code)
      if (!result.ok) {
        if (result.reason === 'locked') lockedOut(c, result.retryAfterSec)
        if (result.reason === 'invalid-token') throw new ApiProblem(400, 'invalid-token', 'This sign-in has expired', 'Start again with your email and password.')
        throw new ApiProblem(401, 'wrong-code', 'That code is not right', 'Use the current 6-digit code from your authenticator app.')
      }
      return c.json(await signedInAnswer(c, result.issued), 200)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/password-reset', summary: 'Email a password reset link', middleware: [...publicJson], request: jsonBody(ResetRequestInput), responses: { 202: jsonOk('If the address has an account, a link is on its way', Message), 429: problem('Too many attempts') } }),
    async (c) => {
      await spendBudget(c, c.env.AUTH_LIMITER, `email:${c.req.valid('json').email}`)
      const result = await requestPasswordReset(c.var.deps, c.req.valid('json').email, origin(c))
      if (result.ok) await sendEmails(c.env, result.emails)
      return c.json({ message: 'If that address has an account, a reset link is on its way.' }, 202)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/password-reset/confirm', summary: 'Set a new password with the emailed token', middleware: [...publicJson], request: jsonBody(ResetConfirmInput), responses: { 204: { description: 'Password set; every session ended' }, 400: problem('Invalid token or weak password') } }),
    async (c) => {
      const { token, password } = c.req.valid('json')
      const result = await confirmPasswordReset(c.var.deps, token, password)
      if (!result.ok) {
        if (result.reason === 'weak-password') weakPassword(result.detail)
        throw new ApiProblem(400, 'invalid-token', 'This link is invalid or has expired', 'Ask for a new reset link.')
      }
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/invites/accept', summary: 'Join a practice with an invitation', middleware: [...publicJson], request: jsonBody(AcceptInviteInput), responses: { 200: jsonOk('Signed in', LoginResult), 400: problem('Invalid token or weak password'), 409: problem('The email already has an account') } }),
    async (c) => {
      const { token, displayName, password } = c.req.valid('json')
      const result = await acceptInvite(c.var.deps, token, displayName, password)
      if (!result.ok) {
        if (result.reason === 'weak-password') weakPassword(result.detail)
        if (result.reason === 'email-in-use') throw new ApiProblem(409, 'email-in-use', 'This email already has a ClaimPay account', result.detail)
        throw new ApiProblem(400, 'invalid-token', 'This invitation is invalid or has expired', 'Ask for a new invitation.')
      }
      return c.json(await signedInAnswer(c, result.issued), 200)
    },
  )
  .openapi(
    createRoute({ method: 'get', path: '/auth/me', summary: 'The signed-in user', middleware: [authenticate({ allowWithoutMfa: true }), requireUser], responses: { 200: jsonOk('The user', Me), 401: problem('Not signed in') } }),
    async (c) => c.json(await describeUser(c.var.deps, signedInUser(c)), 200),
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/logout', summary: 'Sign out of this session', middleware: [...signedIn], responses: { 204: { description: 'Signed out' } } }),
    async (c) => {
      await revokeSessionQuery(c.var.deps, signedInUser(c).sessionId, 'logout')
      clearSessionCookies(c)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/logout-all', summary: 'Sign out everywhere', middleware: [...signedIn], responses: { 204: { description: 'Every session ended' } } }),
    async (c) => {
      await revokeUserSessionsQuery(c.var.deps, signedInUser(c).userId, 'logout-everywhere')
      clearSessionCookies(c)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/password', summary: 'Change the password', middleware: [...signedIn, requireJson, jsonBodyLimit], request: jsonBody(ChangePasswordInput), responses: { 204: { description: 'Changed; other sessions ended' }, 400: problem('Weak password'), 401: problem('Wrong current password') } }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json')
      const result = await changePassword(c.var.deps, signedInUser(c), currentPassword, newPassword)
      if (!result.ok) {
        if (result.reason === 'weak-password') weakPassword(result.detail)
        throw new ApiProblem(401, 'bad-credentials', 'The current password is wrong')
      }
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/totp/enroll', summary: 'Start setting up an authenticator app', middleware: [...signedIn], responses: { 200: jsonOk('The secret to add to the app', TotpEnrollment), 409: problem('Already set up') } }),
    async (c) => {
      const result = await enrollTotp(c.var.deps, signedInUser(c))
      if (!result.ok) throw new ApiProblem(409, 'mfa-already-enabled', 'Two-factor authentication is already on')
      return c.json({ secret: result.secret, otpauthUri: result.otpauthUri }, 200)
    },
  )
  .openapi(
    createRoute({ method: 'post', path: '/auth/totp/confirm', summary: 'Finish setting up the authenticator app with a code', middleware: [...signedIn, requireJson, jsonBodyLimit], request: jsonBody(TotpCodeInput), responses: { 200: jsonOk('Enabled', Me), 400: problem('Wrong code or not enrolling'), 409: problem('Already set up') } }),
    async (c) => {
      const who = signedInUser(c)
      const result = await confirmTotp(c.var.deps, who, c.req.valid('json').code)
      if (!result.ok) {
        if (result.reason === 'already-enabled') throw new ApiProblem(409, 'mfa-already-enabled', 'Two-factor authentication is already on')
        if (result.reason === 'not-enrolling') throw new ApiProblem(400, 'not-enrolling', 'Start the set-up first')
        throw new ApiProblem(400, 'wrong-code', 'That code is not right', 'Use the current 6-digit code from your authenticator app.', [{ where: '/code', message: 'wrong code' }])
      }
      return c.json(await describeUser(c.var.deps, { ...who, mfa: true, mfaEnabled: true }), 200)
    },
  )
