import { createRoute, z } from '@hono/zod-openapi'
import { and, asc, eq } from 'drizzle-orm'
import { stripeSettings } from '../../config'
import { moneySchema, openDb, schema } from '../../db'
import { appendAudit, auditInsert } from '../../identity'
import { createD1StripeAccounts } from '../../payments/d1/stripe-accounts'
import { onboardProvider } from '../../payments/onboard-provider'
import type { OnboardingOutcome } from '../../payments/onboard-provider'
import { createStripeClient } from '../../payments/stripe'
import { forward } from '../../pipeline'
import { stageQueues } from '../../platform'
import { apiRouter, jsonBody, jsonOk, problemDoc as problem } from '../api-app'
import { authenticate, requirePermission, requireUser, signedInUser } from '../middleware/authenticate'
import { csrfProtection } from '../middleware/csrf'
import { jsonBodyLimit, requireJson } from '../middleware/require-json'
import { ApiProblem } from '../problem'

export const PayoutAccountInput = z.strictObject({
  legalName: z.string().trim().min(1).max(200),
  // Checked with the ABA checksum by the route (422 with the reason), not here.
  routingNumber: z.string().max(32),
  // US account numbers run 4 to 17 digits; the message never repeats the input.
  accountNumber: z.string().regex(/^\d{4,17}$/, 'account number must be 4 to 17 digits'),
  accountHolderType: z.enum(['company', 'individual']),
})

export const PayoutAccountStatus = z.object({
  connected: z.boolean(),
  bankLast4: z.string().nullable(),
  payoutsEnabled: z.boolean(),
})

/** Stripe did something we did not expect (credentials, a request it refused): ours to fix, a 500. */
export class PayoutAccountSetupFailed extends Error {
  override name = 'PayoutAccountSetupFailed'
}

/** Claims that waited for a payout account, sent on at once (the cron would only get to them later). */
const WAITING_CLAIMS = 500

const manage = [authenticate(), requireUser, requirePermission('team:manage'), csrfProtection] as const
const denied = { 401: problem('Not signed in'), 403: problem('The role does not allow this') }

function refusal(outcome: Exclude<OnboardingOutcome, { ok: true }>): never {
  if (outcome.reason === 'routing-number-invalid') throw new ApiProblem(422, 'routing-number-invalid', 'The routing number is not valid', outcome.message)
  if (outcome.reason === 'invalid-input') throw new ApiProblem(400, 'validation-failed', 'The request is not valid', outcome.problems.join('; '))
  if (outcome.reason === 'bank-account-invalid') throw new ApiProblem(422, 'bank-account-invalid', 'The bank refused these account details', 'Check the routing and account numbers with your bank.')
  if (outcome.retryable) throw new ApiProblem(503, 'payouts-unavailable', 'Payout setup is unavailable right now', 'Nothing was saved. Try again in a few minutes.')
  throw new PayoutAccountSetupFailed(`connected account not created: ${outcome.reason}`)
}

export const payoutAccountRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/payout-account',
      summary: "Whether the practice's bank account is connected for payouts",
      middleware: [authenticate(), requirePermission('team:read')] as const,
      responses: { 200: jsonOk('The payout account', PayoutAccountStatus), ...denied },
    }),
    async (c) => {
      const account = await createD1StripeAccounts(c.env.DB).find(c.var.providerId)
      return c.json(account ? { connected: true, bankLast4: account.bankLast4, payoutsEnabled: account.payoutsEnabled } : { connected: false, bankLast4: null, payoutsEnabled: false }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/payout-account',
      summary: "Connect the practice's bank account for same-day payouts (once)",
      middleware: [...manage, requireJson, jsonBodyLimit] as const,
      request: jsonBody(PayoutAccountInput),
      responses: {
        201: jsonOk('Connected', PayoutAccountStatus),
        409: problem('A payout account is already connected'),
        422: problem('The routing number or bank account is not valid'),
        503: problem('Payouts are not available'),
        ...denied,
      },
    }),
    async (c) => {
      const user = signedInUser(c)
      const input = c.req.valid('json')
      const settings = stripeSettings(c.var.config)
      if (!settings) throw new ApiProblem(503, 'payouts-not-configured', 'Payouts are not configured on this server')
      const accounts = createD1StripeAccounts(c.env.DB)
      const conflict = () => new ApiProblem(409, 'payout-account-exists', 'A payout account is already connected', 'Contact ClaimPay support to change the bank account.')
      if (await accounts.find(user.providerId)) throw conflict()

      const outcome = await onboardProvider(createStripeClient({ apiKey: settings.apiKey, host: settings.host, port: settings.port, protocol: settings.protocol }), {
        providerId: user.providerId,
        email: user.email,
        ...input,
        acceptedAt: new Date(),
        acceptedIp: c.req.header('cf-connecting-ip') ?? '127.0.0.1',
      })
      if (!outcome.ok) refusal(outcome)

      const at = new Date()
      const db = c.var.deps.db
      const [inserted] = await db.batch([
        db
          .insert(moneySchema.stripeAccounts)
          .values({ providerId: user.providerId, accountId: outcome.accountId, bankLast4: outcome.bankLast4, routingLast4: outcome.routingLast4, payoutsEnabled: outcome.payoutsEnabled, createdAt: at.toISOString() })
          .onConflictDoNothing()
          .returning({ accountId: moneySchema.stripeAccounts.accountId }),
        // Last four digits only: the bank numbers live at Stripe, never here or in a log.
        auditInsert(db, { actor: user.userId, action: 'payout-account.created', subjectType: 'payout-account', subjectId: user.providerId, providerId: user.providerId, detail: { accountId: outcome.accountId, bankLast4: outcome.bankLast4 } }, at),
      ])
      if (inserted.length === 0) {
        // Two requests at once: the other one's account is the provider's. The audit row above named
        // this request's account as created, so the trail says it was not kept.
        await appendAudit(db, [{ actor: user.userId, action: 'payout-account.discarded', subjectType: 'payout-account', subjectId: user.providerId, providerId: user.providerId, detail: { accountId: outcome.accountId } }], new Date())
        throw conflict()
      }

      c.executionCtx.waitUntil(sendWaitingClaims(c.env, user.providerId).catch(() => undefined))
      return c.json({ connected: true, bankLast4: outcome.bankLast4, payoutsEnabled: outcome.payoutsEnabled }, 201)
    },
  )

async function sendWaitingClaims(env: Env, providerId: string): Promise<void> {
  const { claims } = schema
  const waiting = await openDb(env.DB)
    .select({ id: claims.id, providerId: claims.providerId, status: claims.status })
    .from(claims)
    .where(and(eq(claims.providerId, providerId), eq(claims.status, 'payout_pending')))
    .orderBy(asc(claims.updatedAt))
    .limit(WAITING_CLAIMS)
  await forward({ queues: stageQueues(env) }, waiting)
}
