import { z } from 'zod'
import type { IdempotencyRecord } from './idempotency'
import type { EventObject, TransferObject, TransferReversalObject } from './objects'
import type { AccountRecord, PayoutRecord } from './store'
import type { PendingDelivery } from './webhooks'

/**
 * What a state file holds: everything a restarted server needs to answer as if it had never stopped.
 * Versioned so that a file written by an older or newer layout is set aside instead of misread.
 *
 * Not kept, on purpose: full bank account numbers (accounts carry only the failure code their number
 * decides), secret keys (idempotency scopes hold a digest), request parameters (a digest), delivered
 * or given-up webhook deliveries and their events (history), armed faults and webhook tampering (test
 * knobs of one process), and configuration (port, webhook endpoint and mode come from the options).
 */
export const STATE_FORMAT = 'stripe-local-state'
export const STATE_VERSION = 1

export type StateFile = {
  format: typeof STATE_FORMAT
  version: typeof STATE_VERSION
  /** Seconds control moved the clock; the base stays the start time or the wall clock. */
  clock: { offsetSeconds: number }
  /** How many ids were made, so new ones continue the sequence instead of repeating it. */
  ids: { issued: number; webhookDeliveries: number }
  /** The Stripe-Version last sent, which events carry. */
  apiVersionSeen: string | null
  platformAvailable: number
  accounts: AccountRecord[]
  transfers: TransferObject[]
  reversals: TransferReversalObject[]
  payouts: PayoutRecord[]
  nextPayoutFailures: string[]
  /** Events with a delivery still pending, each once; `webhookDeliveries` refers to them by id. */
  events: EventObject[]
  webhookDeliveries: PendingDelivery[]
  idempotency: IdempotencyRecord[]
}

const int = z.number().int()
const count = int.nonnegative()
const id = z.string().min(1)
const nullableString = z.string().nullable()

// Stripe-shaped objects are checked for the fields this server's logic reads or indexes by; their other
// fields are as this server wrote them and pass through.
const bankAccount = z.looseObject({ id, object: z.literal('bank_account'), last4: z.string() })
const account = z.looseObject({
  id,
  object: z.literal('account'),
  created: int,
  capabilities: z.record(z.string(), z.string()),
  external_accounts: z.looseObject({ data: z.array(bankAccount) }),
})
const reversal = z.looseObject({ id, object: z.literal('transfer_reversal'), amount: count, created: int, transfer: id })
const transfer = z.looseObject({
  id,
  object: z.literal('transfer'),
  amount: count,
  amount_reversed: count,
  created: int,
  destination: id,
  transfer_group: nullableString,
  reversals: z.looseObject({ data: z.array(reversal) }),
})
const payout = z.looseObject({
  id,
  object: z.literal('payout'),
  amount: count,
  arrival_date: int,
  created: int,
  destination: id,
  status: z.enum(['pending', 'in_transit', 'paid', 'failed', 'canceled']),
})
const event = z.looseObject({ id, object: z.literal('event'), type: z.string(), created: int, data: z.looseObject({ object: z.looseObject({ id }) }) })

const stateSchema = z
  .strictObject({
    format: z.literal(STATE_FORMAT),
    version: z.literal(STATE_VERSION),
    clock: z.strictObject({ offsetSeconds: int }),
    ids: z.strictObject({ issued: count, webhookDeliveries: count }),
    apiVersionSeen: nullableString,
    platformAvailable: int,
    accounts: z.array(z.strictObject({ account, payoutFailureCode: nullableString, available: int })),
    transfers: z.array(transfer),
    reversals: z.array(reversal),
    payouts: z.array(z.strictObject({ payout, account: id, failWith: nullableString })),
    nextPayoutFailures: z.array(z.string()),
    events: z.array(event),
    webhookDeliveries: z.array(
      z.strictObject({
        id,
        eventId: id,
        type: z.string(),
        attempts: z.array(z.strictObject({ at: z.number(), status: int.nullable(), error: nullableString })),
        tamper: z.enum(['bad-signature', 'stale-timestamp']).nullable(),
        nextAttemptAt: z.number(),
      }),
    ),
    idempotency: z.array(
      z.strictObject({ scope: z.string(), endpoint: z.string(), fingerprint: z.string(), createdAt: int, status: int, body: z.unknown(), requestId: id }),
    ),
  })
  .superRefine((s, check) => {
    // Endpoints look these up without a fallback (a reversal needs its transfer's destination account).
    const accounts = new Set(s.accounts.map((r) => r.account.id))
    const events = new Set(s.events.map((e) => e.id))
    const missing = [
      ...s.transfers.filter((t) => !accounts.has(t.destination)).map((t) => `transfer ${t.id} to unknown account ${t.destination}`),
      ...s.payouts.filter((p) => !accounts.has(p.account)).map((p) => `payout ${p.payout.id} on unknown account ${p.account}`),
      ...s.webhookDeliveries.filter((d) => !events.has(d.eventId)).map((d) => `delivery ${d.id} of unknown event ${d.eventId}`),
    ]
    for (const message of missing) check.addIssue({ code: 'custom', message })
  })

export type StateCheck = { ok: true; state: StateFile } | { ok: false; reason: string }

/** Checks parsed JSON against this version's layout; the reason names the first problem found. */
export function checkStateFile(json: unknown): StateCheck {
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== STATE_FORMAT) {
    return { ok: false, reason: 'it is not a stripe-local state file' }
  }
  const version = (json as { version?: unknown }).version
  if (version !== STATE_VERSION) return { ok: false, reason: `it has format version ${JSON.stringify(version)}, this server reads version ${STATE_VERSION}` }
  const parsed = stateSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    return { ok: false, reason: `${where}${issue.message}` }
  }
  // The checks above cover what the logic relies on; the remaining object fields are this server's own output.
  return { ok: true, state: parsed.data as unknown as StateFile }
}
