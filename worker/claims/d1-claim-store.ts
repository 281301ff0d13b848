import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { ClaimEvent, ClaimInput, ClaimListQuery, ClaimReason, ClaimStatus } from '../contracts'
import { type Db, moneySchema, openDb, remittanceSchema, riskSchema, schema } from '../db'
import { newId } from '../ids'
import { journalRows } from '../db/journal-rows'
import { chunk, PARAMS_PER_STATEMENT } from './chunk'
import { NO_PHI, type SealedClaimPhi } from './claim-phi'
import { type ClaimRow, type StoredClaim, billedTotal, searchTextOf } from './claim-record'
import { checkPath } from './state-machine'

const { claims, claimLines, claimDiagnoses, claimEvents, payouts, ledgerEntries, auditLog, notifications } = schema
const { stripeEvents } = moneySchema
const { coderSignals } = riskSchema

export type NewClaim = {
  id: string
  input: ClaimInput
  uploadId?: string
  uploadRow?: number
  /** The patient and note, already sealed (claims/claim-phi.ts): the store never sees them in clear. */
  phi?: SealedClaimPhi
}

export type ClaimMove = { to: ClaimStatus; step: string; detail?: Record<string, unknown> }

export type ClaimPatch = Partial<{
  score: number
  scoreReasons: ClaimReason[]
  cutBps: number
  payoutCents: number
  rejectReasons: ClaimReason[]
  recodeCount: number
  riskModelVersion: number
}>

/** A ledger line with the dimensions balances are cut by (the shape of worker/payments/ledger's PostingLine). */
export type JournalLine = { account: string; debitCents: number; creditCents: number; poolId?: string; providerId?: string; payerId?: string; claimId?: string; partnerId?: string }

export type RailStatus = NonNullable<typeof payouts.$inferSelect.railStatus>
export type PayoutRailChange = Partial<{ railStatus: RailStatus; failureCode: string | null; failureMessage: string | null; transferReversedCents: number }>

/** Rows that must land in the same transaction as a state change (money and its audit trail). */
export type CommitEffects = {
  /** The cut as decided (worker/payments/cut-policy): the rule version and explanation go on the payout row with it. */
  payoutRequested?: { payoutId: string; amountCents: number; cutBps: number; cutRuleVersion?: string; cutExplanation?: string; rail: string; idempotencyKey: string }
  payoutSent?: { payoutId: string; transferId: string; stripePayoutId?: string; stripeAccountId?: string }
  /**
   * The payout's state at the rail changed (a refusal, or a webhook). `onlyIf` guards against a
   * concurrent writer: the row changes only if it still has the rail status this change was computed from.
   */
  payoutRail?: { payoutId: string; onlyIf?: RailStatus | null; set: PayoutRailChange }
  /** The Stripe event whose effect this commit is: marked applied in the same transaction. */
  stripeEventApplied?: string
  /** An in-app notification for the provider (one per claim and kind). */
  payoutNotice?: { kind: string; message: string }
  /** A balanced journal from worker/payments/ledger, posted in the same transaction as the move. */
  journal?: { kind: string; memo: string; lines: JournalLine[]; reversesJournalId?: string }
  audit?: { actor: string; action: string; detail?: Record<string, unknown> }
  /** The risk engine sent the claim back for coding reasons: a training example for the coder. */
  coderSignal?: { modelVersion: number; reasons: ClaimReason[] }
  /**
   * The payer's answer from an 835, kept with the move to adjudicated: the claim's remittance row
   * (one per claim: a second 835 for it fails the batch) and its outcome in claim_history.
   */
  remittance?: { row: typeof remittanceSchema.claimRemittances.$inferInsert; history: typeof schema.claimHistory.$inferInsert }
}

export type CommitResult =
  | { ok: true; claim: StoredClaim; events: ClaimEvent[] }
  | { ok: false; reason: 'version-conflict' }
  | { ok: false; reason: 'illegal-transition'; from: ClaimStatus; to: ClaimStatus }

export type ClaimRef = { claimId: string; providerId: string }

export type ClaimListPage = { items: StoredClaim[]; nextCursor: string | null }

export type PayoutRecord = typeof payouts.$inferSelect

/**
 * The D1 side of claims: every read is scoped by provider id, and every state change is one batch
 * (one transaction) holding the new events, the guarded claim update and its effects.
 */
export function createD1ClaimStore(d1: D1Database) {
  const db = openDb(d1)
  return {
    insertClaims: (providerId: string, drafts: NewClaim[], at: string) => insertClaims(db, providerId, drafts, at),
    findClaim: (providerId: string, claimId: string) => findClaim(db, providerId, claimId),
    findClaims: (refs: ClaimRef[]) => findClaims(db, refs),
    listClaims: (providerId: string, query: ClaimListQuery) => listClaims(db, providerId, query),
    listEvents: (providerId: string, claimId: string) => listEvents(db, providerId, claimId),
    existingClaimNumbers: (providerId: string, numbers: string[]) => existingClaimNumbers(db, providerId, numbers),
    findPayout: (providerId: string, claimId: string) =>
      db.query.payouts.findFirst({ where: and(eq(payouts.providerId, providerId), eq(payouts.claimId, claimId)) }),
    commit: (claim: StoredClaim, moves: ClaimMove[], patch: ClaimPatch, effects: CommitEffects, at: string) =>
      commit(db, claim, moves, patch, effects, at),
    /**
     * The payout cannot be sent yet and the claim stays where it is (no event): the reason goes on the
     * payout row, with an audit row and a notification for the provider, in one transaction.
     */
    recordPayoutWait: (claim: StoredClaim, payoutId: string, wait: { code: string; message: string }, at: string) =>
      db.batch([
        db.update(payouts).set({ failureCode: wait.code, failureMessage: wait.message }).where(and(eq(payouts.id, payoutId), eq(payouts.providerId, claim.providerId))),
        ...auditAndNotice(db, claim, { audit: { actor: 'pipeline', action: 'payout.waiting', detail: { reason: wait.code } }, payoutNotice: { kind: 'claim.payout_waiting', message: wait.message } }, at),
      ]),
  }
}
export type ClaimStore = ReturnType<typeof createD1ClaimStore>

async function insertClaims(db: Db, providerId: string, drafts: NewClaim[], at: string): Promise<ClaimEvent[]> {
  const statements: BatchItem<'sqlite'>[] = []
  const events: ClaimEvent[] = []
  for (const draft of drafts) {
    const { input } = draft
    const event: ClaimEvent = {
      id: newId('evt'),
      claimId: draft.id,
      version: 1,
      fromStatus: null,
      toStatus: 'received',
      step: draft.uploadId ? 'upload' : 'submit-json',
      detail: draft.uploadId ? { uploadId: draft.uploadId, row: draft.uploadRow } : null,
      at,
    }
    events.push(event)
    // Every insert tolerates an existing row so that a retried fan-out (same stable ids) is a no-op.
    statements.push(
      db
        .insert(claims)
        .values({
          id: draft.id,
          providerId,
          uploadId: draft.uploadId ?? null,
          uploadRow: draft.uploadRow ?? null,
          claimNumber: input.claimNumber,
          payerId: input.payer.id,
          payerName: input.payer.name,
          serviceDate: input.serviceDate,
          placeOfService: input.placeOfService,
          billedCents: billedTotal(input),
          status: 'received',
          version: 1,
          searchText: searchTextOf(draft.id, input),
          ...(draft.phi ?? NO_PHI),
          createdAt: at,
          updatedAt: at,
        })
        .onConflictDoNothing({ target: claims.id }),
      db
        .insert(claimEvents)
        .values({ ...event, providerId })
        .onConflictDoNothing(),
      db
        .insert(claimDiagnoses)
        .values(input.diagnoses.map((code, i) => ({ claimId: draft.id, position: i + 1, code })))
        .onConflictDoNothing(),
      ...chunk(input.lines, Math.floor(PARAMS_PER_STATEMENT / 7)).map((lines, c) =>
        db
          .insert(claimLines)
          .values(
            lines.map((line, i) => ({
              claimId: draft.id,
              lineNumber: c * Math.floor(PARAMS_PER_STATEMENT / 7) + i + 1,
              procedureCode: line.procedureCode,
              modifiers: line.modifiers,
              units: line.units,
              chargeCents: line.chargeCents,
              diagnosisPointers: line.diagnosisPointers,
            })),
          )
          .onConflictDoNothing(),
      ),
    )
  }
  if (statements.length > 0) await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  return events
}

async function attachDetails(db: Db, rows: ClaimRow[]): Promise<StoredClaim[]> {
  if (rows.length === 0) return []
  const parts = chunk(rows.map((r) => r.id), PARAMS_PER_STATEMENT)
  const [lines, diagnoses] = await Promise.all([
    Promise.all(parts.map((ids) => db.select().from(claimLines).where(inArray(claimLines.claimId, ids)).orderBy(asc(claimLines.claimId), asc(claimLines.lineNumber)))).then((r) => r.flat()),
    Promise.all(parts.map((ids) => db.select().from(claimDiagnoses).where(inArray(claimDiagnoses.claimId, ids)).orderBy(asc(claimDiagnoses.claimId), asc(claimDiagnoses.position)))).then((r) => r.flat()),
  ])
  return rows.map((row) => ({
    ...row,
    diagnoses: diagnoses.filter((d) => d.claimId === row.id).map((d) => d.code),
    lines: lines
      .filter((l) => l.claimId === row.id)
      .map(({ claimId: _c, ...line }) => line),
  }))
}

async function findClaim(db: Db, providerId: string, claimId: string): Promise<StoredClaim | null> {
  const row = await db.query.claims.findFirst({ where: and(eq(claims.providerId, providerId), eq(claims.id, claimId)) })
  if (!row) return null
  const [claim] = await attachDetails(db, [row])
  return claim ?? null
}

/**
 * Loads the claims a queue batch names, three queries for the whole batch. A claim is returned only
 * under the provider its message names, so a message cannot reach across providers.
 */
async function findClaims(db: Db, refs: ClaimRef[]): Promise<Map<string, StoredClaim>> {
  const ids = [...new Set(refs.map((r) => r.claimId))]
  const rows = (await Promise.all(chunk(ids, PARAMS_PER_STATEMENT).map((part) => db.select().from(claims).where(inArray(claims.id, part))))).flat()
  const owner = new Map(refs.map((r) => [r.claimId, r.providerId]))
  const mine = rows.filter((row) => owner.get(row.id) === row.providerId)
  return new Map((await attachDetails(db, mine)).map((c) => [c.id, c]))
}

async function listClaims(db: Db, providerId: string, query: ClaimListQuery): Promise<ClaimListPage> {
  const filters = [eq(claims.providerId, providerId)]
  if (query.status?.length) filters.push(inArray(claims.status, query.status))
  if (query.from) filters.push(gte(claims.createdAt, `${query.from}T00:00:00.000Z`))
  if (query.to) filters.push(lte(claims.createdAt, `${query.to}T23:59:59.999Z`))
  if (query.q) filters.push(sql`${claims.searchText} LIKE ${`%${escapeLike(query.q.toLowerCase())}%`} ESCAPE '\\'`)
  if (query.cursor) filters.push(lt(claims.id, query.cursor))
  const rows = await db
    .select()
    .from(claims)
    .where(and(...filters))
    .orderBy(desc(claims.id))
    .limit(query.limit + 1)
  const page = rows.slice(0, query.limit)
  const items = await attachDetails(db, page)
  const last = page.at(-1)
  return { items, nextCursor: rows.length > query.limit && last ? last.id : null }
}

/** A search box means the text as typed: LIKE's wildcards in it are escaped (see ESCAPE above). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
}

async function listEvents(db: Db, providerId: string, claimId: string): Promise<ClaimEvent[]> {
  const rows = await db
    .select()
    .from(claimEvents)
    .where(and(eq(claimEvents.providerId, providerId), eq(claimEvents.claimId, claimId)))
    .orderBy(asc(claimEvents.version))
  return rows.map(({ providerId: _p, ...e }) => ({ ...e, detail: e.detail ?? null }))
}

/** Which of these claim numbers the provider has in use (by a claim not rejected), and by which claim. */
async function existingClaimNumbers(db: Db, providerId: string, numbers: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  // Two parameters besides the numbers: the provider id and the status.
  for (const part of chunk(numbers, PARAMS_PER_STATEMENT - 2)) {
    const rows = await db
      .select({ id: claims.id, claimNumber: claims.claimNumber })
      .from(claims)
      .where(and(eq(claims.providerId, providerId), inArray(claims.claimNumber, part), ne(claims.status, 'rejected')))
    for (const r of rows) found.set(r.claimNumber, r.id)
  }
  return found
}

async function commit(
  db: Db,
  claim: StoredClaim,
  moves: ClaimMove[],
  patch: ClaimPatch,
  effects: CommitEffects,
  at: string,
): Promise<CommitResult> {
  const path = checkPath(claim.status, moves.map((m) => m.to))
  if (!path.ok) return path
  let from: ClaimStatus = claim.status
  const events: ClaimEvent[] = moves.map((move, i) => {
    const event: ClaimEvent = {
      id: newId('evt'),
      claimId: claim.id,
      version: claim.version + i + 1,
      fromStatus: from,
      toStatus: move.to,
      step: move.step,
      detail: move.detail ?? null,
      at,
    }
    from = move.to
    return event
  })
  const version = claim.version + moves.length
  const statements: BatchItem<'sqlite'>[] = [
    // Events first: their unique (claim_id, version) index fails the whole batch if another writer
    // already moved this claim past the version we read.
    db.insert(claimEvents).values(events.map((e) => ({ ...e, providerId: claim.providerId }))),
    db
      .update(claims)
      .set({ ...patch, status: from, version, updatedAt: at })
      .where(and(eq(claims.id, claim.id), eq(claims.version, claim.version))),
  ]
  if (effects.payoutRequested) {
    const p = effects.payoutRequested
    statements.push(
      db.insert(payouts).values({
        id: p.payoutId,
        claimId: claim.id,
        providerId: claim.providerId,
        amountCents: p.amountCents,
        cutBps: p.cutBps,
        cutRuleVersion: p.cutRuleVersion ?? null,
        cutExplanation: p.cutExplanation ?? null,
        rail: p.rail,
        idempotencyKey: p.idempotencyKey,
        status: 'requested',
        railStatus: 'requested',
        keyStoredAt: at,
        createdAt: at,
      }),
    )
  }
  if (effects.payoutSent) {
    statements.push(
      db
        .update(payouts)
        .set({
          status: 'sent',
          transferId: effects.payoutSent.transferId,
          sentAt: at,
          railStatus: 'sent',
          failureCode: null,
          failureMessage: null,
          ...(effects.payoutSent.stripePayoutId ? { stripePayoutId: effects.payoutSent.stripePayoutId } : {}),
          ...(effects.payoutSent.stripeAccountId ? { stripeAccountId: effects.payoutSent.stripeAccountId } : {}),
        })
        .where(and(eq(payouts.id, effects.payoutSent.payoutId), eq(payouts.status, 'requested'))),
    )
  }
  if (effects.payoutRail) {
    const { payoutId, onlyIf, set } = effects.payoutRail
    const guard = onlyIf === undefined ? undefined : onlyIf === null ? isNull(payouts.railStatus) : eq(payouts.railStatus, onlyIf)
    statements.push(db.update(payouts).set(set).where(and(eq(payouts.id, payoutId), eq(payouts.providerId, claim.providerId), guard)))
  }
  if (effects.stripeEventApplied) {
    statements.push(db.update(stripeEvents).set({ applied: true }).where(eq(stripeEvents.id, effects.stripeEventApplied)))
  }
  if (effects.journal && effects.journal.lines.length > 0) {
    statements.push(db.insert(ledgerEntries).values(journalRows(effects.journal, newId('jnl'), at, claim.id)))
  }
  if (effects.coderSignal) {
    statements.push(
      db.insert(coderSignals).values({
        // One per claim version: a redelivered message cannot record the same signal twice.
        id: `csg_${claim.id}_${version}`,
        claimId: claim.id,
        providerId: claim.providerId,
        modelVersion: effects.coderSignal.modelVersion,
        reasons: effects.coderSignal.reasons,
        at,
      }).onConflictDoNothing(),
    )
  }
  if (effects.remittance) {
    statements.push(db.insert(remittanceSchema.claimRemittances).values(effects.remittance.row))
    statements.push(db.insert(schema.claimHistory).values(effects.remittance.history).onConflictDoNothing())
  }
  statements.push(...auditAndNotice(db, claim, effects, at))
  try {
    await db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]])
  } catch (error) {
    if (isVersionConflict(error)) return { ok: false, reason: 'version-conflict' }
    throw error
  }
  return { ok: true, claim: { ...claim, ...patch, status: from, version, updatedAt: at }, events }
}

/** The audit row and the provider's notification that go with a change. */
function auditAndNotice(db: Db, claim: Pick<StoredClaim, 'id' | 'providerId'>, effects: Pick<CommitEffects, 'audit' | 'payoutNotice'>, at: string) {
  const statements = []
  if (effects.audit) {
    statements.push(
      db.insert(auditLog).values({
        id: newId('aud'),
        providerId: claim.providerId,
        actor: effects.audit.actor,
        action: effects.audit.action,
        subjectType: 'claim',
        subjectId: claim.id,
        detail: effects.audit.detail ?? null,
        at,
      }),
    )
  }
  if (effects.payoutNotice) {
    const n = effects.payoutNotice
    statements.push(db.insert(notifications).values({ id: newId('ntf'), providerId: claim.providerId, claimId: claim.id, kind: n.kind, message: n.message, createdAt: at }).onConflictDoNothing())
  }
  return statements
}

function uniqueViolation(error: unknown, columns: string): boolean {
  const text = String(error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : error)
  return text.includes(`UNIQUE constraint failed: ${columns}`)
}

function isVersionConflict(error: unknown): boolean {
  return uniqueViolation(error, 'claim_events.claim_id, claim_events.version')
}

export function isDuplicateClaimNumber(error: unknown): boolean {
  return uniqueViolation(error, 'claims.provider_id, claims.claim_number')
}

