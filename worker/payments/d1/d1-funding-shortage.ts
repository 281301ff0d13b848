import { and, asc, eq, lte, sql } from 'drizzle-orm'
import type { EmailMessage } from '../../contracts'
import { openDb, schema } from '../../db'
import type { Db } from '../../db'
import { identityDeps } from '../../identity'
import type { Keyring } from '../../identity/crypto'
import { newId } from '../../ids'
import { outboxEmail } from '../../notify'
import type { PoolChoice } from '../funding/choose-pool'
import type { FundingShortage, WaitingForFunds } from '../funding/pool-contracts'

const { claims, payouts } = schema

/** The failure code the pay step leaves on a payout row when no active pool could cover it. */
export const NO_POOL_WITH_FUNDS: Extract<PoolChoice, { ok: false }>['reason'] = 'no-pool-with-funds'

const waitingForFundsWhere = and(eq(claims.status, 'payout_pending'), eq(payouts.failureCode, NO_POOL_WITH_FUNDS))

export async function waitingForFunds(d1: D1Database): Promise<WaitingForFunds> {
  const [row] = await openDb(d1)
    .select({
      claims: sql<number>`count(*)`,
      amount: sql<string>`cast(coalesce(sum(${payouts.amountCents}), 0) as text)`,
      largest: sql<string>`cast(coalesce(max(${payouts.amountCents}), 0) as text)`,
      oldest: sql<string | null>`min(${claims.updatedAt})`,
    })
    .from(payouts)
    .innerJoin(claims, eq(claims.id, payouts.claimId))
    .where(waitingForFundsWhere)
  return { claims: row?.claims ?? 0, amountCents: row?.amount ?? '0', largestCents: row?.largest ?? '0', oldestSince: row?.oldest ?? null }
}

/**
 * The claims a deposit could now pay: waiting for funds, no larger than the most any active pool has
 * free, longest-waiting first. The pay step checks the funds again; a claim sent too many only waits again.
 */
export async function claimsToRedrive(d1: D1Database, availableCents: bigint, limit: number) {
  if (availableCents <= 0n) return []
  const cap = availableCents > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(availableCents)
  return openDb(d1)
    .select({ id: claims.id, providerId: claims.providerId, status: claims.status })
    .from(payouts)
    .innerJoin(claims, eq(claims.id, payouts.claimId))
    .where(and(waitingForFundsWhere, lte(payouts.amountCents, cap)))
    .orderBy(asc(claims.updatedAt))
    .limit(limit)
}

/**
 * Shortage episodes live in the audit log: one 'alerted' row opens an episode, one 'resolved' row
 * with the same subject closes it. Each is written by a single conditional INSERT, so checkers
 * running at once (cron, deposits) open or close an episode exactly once.
 */
const ALERTED = 'funding.shortage.alerted'
const RESOLVED = 'funding.shortage.resolved'
const SUBJECT = 'funding-shortage'
const ACTOR = 'funding-monitor'

const OPEN_EPISODE = `SELECT a.subject_id FROM audit_log a WHERE a.subject_type = '${SUBJECT}' AND a.action = '${ALERTED}'
  AND NOT EXISTS (SELECT 1 FROM audit_log r WHERE r.subject_type = '${SUBJECT}' AND r.subject_id = a.subject_id AND r.action = '${RESOLVED}')`

export async function openShortage(d1: D1Database): Promise<FundingShortage | null> {
  const row = await d1
    .prepare(`SELECT subject_id AS episodeId, at, detail FROM audit_log WHERE subject_type = '${SUBJECT}' AND action = '${ALERTED}' AND subject_id IN (${OPEN_EPISODE}) ORDER BY id DESC LIMIT 1`)
    .first<{ episodeId: string; at: string; detail: string | null }>()
  if (!row) return null
  const detail = JSON.parse(row.detail ?? '{}') as { claims?: unknown; neededCents?: unknown }
  return {
    episodeId: row.episodeId,
    alertedAt: row.at,
    claims: typeof detail.claims === 'number' ? detail.claims : 0,
    neededCents: typeof detail.neededCents === 'string' ? detail.neededCents : '0',
  }
}

export type ShortageAlerts = {
  db: Db
  keyring: Keyring
  /** Where the alert email goes; without one, admins see the alert on the pools page and in the audit log only. */
  inbox?: string
  /** Sends an outbox email on after its row is stored (the notifications queue). */
  sendEmail(message: EmailMessage): Promise<unknown>
}

export type ShortageCheck = { opened: string | null; resolved: string | null; waiting: WaitingForFunds }

/**
 * Opens a shortage episode (and alerts admins once) when claims wait for funds and none is open;
 * closes the open one when none wait. Safe to call as often as wanted: most calls write nothing.
 */
export async function checkFundingShortage(d1: D1Database, alerts: ShortageAlerts, now: Date): Promise<ShortageCheck> {
  const waiting = await waitingForFunds(d1)
  const at = now.toISOString()
  if (waiting.claims === 0) {
    const closed = await d1
      .prepare(`INSERT INTO audit_log (id, provider_id, actor, action, subject_type, subject_id, detail, at) SELECT ?, NULL, ?, ?, ?, subject_id, NULL, ? FROM (${OPEN_EPISODE}) LIMIT 1 RETURNING subject_id`)
      .bind(newId('aud', now.getTime()), ACTOR, RESOLVED, SUBJECT, at)
      .first<{ subject_id: string }>()
    return { opened: null, resolved: closed?.subject_id ?? null, waiting }
  }
  const episodeId = `shortage_${newId('aud', now.getTime()).slice('aud_'.length)}`
  const detail = JSON.stringify({ claims: waiting.claims, neededCents: waiting.amountCents, largestCents: waiting.largestCents })
  const opened = await d1
    .prepare(`INSERT INTO audit_log (id, provider_id, actor, action, subject_type, subject_id, detail, at) SELECT ?, NULL, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (${OPEN_EPISODE}) RETURNING subject_id`)
    .bind(newId('aud', now.getTime()), ACTOR, ALERTED, SUBJECT, episodeId, detail, at)
    .first<{ subject_id: string }>()
  if (!opened) return { opened: null, resolved: null, waiting }
  if (alerts.inbox) await emailAlert(alerts, alerts.inbox, waiting)
  return { opened: episodeId, resolved: null, waiting }
}

/**
 * After the episode row: a crash in between loses the email, never doubles it, and the episode still
 * shows on the pools page.
 */
async function emailAlert(alerts: ShortageAlerts, inbox: string, waiting: WaitingForFunds) {
  const dollars = (BigInt(waiting.amountCents) / 100n).toString()
  const mail = await outboxEmail(alerts.db, alerts.keyring, {
    providerId: null,
    to: inbox,
    template: 'funding-shortage',
    subject: `Payouts waiting for funds: ${waiting.claims} claim(s)`,
    body: `${waiting.claims} approved claim(s), about USD ${dollars} in payouts, are waiting because no active funding pool can cover them. The largest single payout needs ${waiting.largestCents} cents. Record a deposit or resume a pool under Admin > Funding pools; waiting claims are sent on as soon as funds arrive.`,
  })
  await mail.insert
  await alerts.sendEmail(mail.message)
}

/** The monitor as the Worker runs it (the cron, after a deposit): the alert email goes through the notifications queue. */
export async function checkFundingShortageInWorker(env: Env, now: Date, inbox?: string): Promise<ShortageCheck> {
  const { db, keyring } = await identityDeps(env)
  return checkFundingShortage(env.DB, { db, keyring, ...(inbox ? { inbox } : {}), sendEmail: (message) => env.NOTIFICATIONS.send(message) }, now)
}
