import { DurableObject } from 'cloudflare:workers'
import { readConfig } from '../worker/config'
import { loadKeyring } from '../worker/identity'
import {
  adjudicationDelayMs,
  answerClaims,
  duePending,
  PayerSubmission,
  payerProfileFor,
  PendingClaim,
  receive837,
  type PayerAnswer,
  type RemitMessage,
} from '../worker/payers/simulator'
import { read837 } from '../worker/payers/x12/read-837'
import type { X12Claim837 } from '../worker/payers/x12/model'
import { sealedFiles } from '../worker/platform/sealed-files'

const PENDING = 'pending:'
const ANSWERED = 'answered:'
const PAYER = 'payer'

/** Where the payer's 835s and 277CAs are kept: sealed like the 837s, since they name claims and amounts. */
export const remittanceKey = (payerId: string, trace: string) => `remittances/${payerId}/${trace}.835`
export const rejectionKey = (payerId: string, claimId: string) => `acknowledgements/${payerId}/${claimId}.277`

/**
 * One per payer id: the payer's side of ClaimPay's submissions. It checks each 837 at the door
 * (rejecting a malformed one with a 277CA), keeps the accepted claims until the payer's delay has
 * passed (an alarm, the delay divided by PAYER_TIME_SCALE), adjudicates them with the generator's
 * mechanisms and sends the 835 back through the payer-remit queue. The queue gives the answer
 * at-least-once delivery with retries and a dead-letter queue, without the payer knowing about D1.
 */
export class PayerSimulator extends DurableObject<Env> {
  async submit(raw: unknown): Promise<PayerAnswer> {
    const submission = PayerSubmission.parse(raw)
    const storage = this.ctx.storage
    await storage.put(PAYER, submission.payerId)
    const seen = (await storage.get<unknown>(PENDING + submission.claimId)) ?? (await storage.get<unknown>(ANSWERED + submission.claimId))
    if (seen) {
      const pending = PendingClaim.safeParse(seen)
      return { ok: true, status: 'already-received', dueAt: new Date(pending.success ? pending.data.dueAt : Date.now()).toISOString() }
    }
    const files = sealedFiles(this.env.FILES, await loadKeyring(this.env))
    const text = await files.getText(submission.fileKey)
    const profile = payerProfileFor(submission.payerId)
    const now = new Date()
    if (text === null) return { ok: false, reason: 'file-missing', ack277ca: '' }
    const received = receive837(text, profile, now.toISOString())
    if (!received.ok) {
      await files.put(rejectionKey(submission.payerId, submission.claimId), received.ack277ca, 'application/edi-x12')
      console.info(JSON.stringify({ level: 'info', at: 'payer-simulator', payer: submission.payerId, claimId: submission.claimId, outcome: 'rejected', issues: received.issues.length }))
      return { ok: false, reason: 'malformed-837', ack277ca: received.ack277ca }
    }
    const dueAt = now.getTime() + adjudicationDelayMs(profile, readConfig(this.env).PAYER_TIME_SCALE)
    const pending: PendingClaim = { claimId: submission.claimId, fileKey: submission.fileKey, receivedAt: now.toISOString(), dueAt }
    await storage.put(PENDING + submission.claimId, pending)
    const alarm = await storage.getAlarm()
    if (alarm === null || alarm > dueAt) await storage.setAlarm(dueAt)
    return { ok: true, status: 'accepted', dueAt: new Date(dueAt).toISOString() }
  }

  /** Claims waiting for adjudication (for tests and the admin view): ids and due times only. */
  async pending(): Promise<PendingClaim[]> {
    return [...(await this.ctx.storage.list({ prefix: PENDING })).values()].flatMap((v) => {
      const p = PendingClaim.safeParse(v)
      return p.success ? [p.data] : []
    })
  }

  override async alarm(): Promise<void> {
    const nowMs = Date.now()
    const { messages, answered } = await this.answerDue(nowMs)
    // File first (answerDue), then the message, then forget the claims: a crash in between repeats the
    // same file and message (same trace number), which the Worker posts once.
    if (messages.length > 0) await this.env.PAYER_REMIT.sendBatch(messages.map((body) => ({ body })))
    await this.forgetAnswered(answered, nowMs)
    const rest = (await this.pending()).filter((p) => p.dueAt > nowMs)
    if (rest.length > 0) await this.ctx.storage.setAlarm(Math.min(...rest.map((p) => p.dueAt)))
  }

  /**
   * Adjudicates the claims due at `nowMs` and writes their 835s, without sending or forgetting them:
   * the alarm sends, and the payments fault harness delivers the messages itself, with the faults it
   * injects. Answering the same claims again writes the same files under the same trace numbers.
   */
  async answerDue(nowMs: number): Promise<{ messages: RemitMessage[]; answered: string[] }> {
    const payerId = await this.ctx.storage.get<string>(PAYER)
    const due = duePending(await this.pending(), nowMs)
    if (!payerId || due.length === 0) return { messages: [], answered: [] }
    const files = sealedFiles(this.env.FILES, await loadKeyring(this.env))
    const claims: X12Claim837[] = []
    for (const p of due) {
      const text = await files.getText(p.fileKey)
      const claim = text === null ? undefined : read837(text).claims.find((c) => c.claimId === p.claimId)
      if (claim) claims.push(claim)
      // Checked at the door, so this is a file lost or changed since: it is dropped loudly, not adjudicated blind.
      else console.error(JSON.stringify({ level: 'error', at: 'payer-simulator', payer: payerId, claimId: p.claimId, error: 'submitted file unreadable at adjudication' }))
    }
    const { files: remittances, errors } = answerClaims(claims, payerProfileFor(payerId), new Date(nowMs).toISOString())
    for (const e of errors) console.error(JSON.stringify({ level: 'error', at: 'payer-simulator', payer: payerId, claimId: e.claimId, reason: e.reason }))
    const messages: RemitMessage[] = []
    for (const r of remittances) {
      const key = remittanceKey(payerId, r.traceNumber)
      await files.put(key, r.text, 'application/edi-x12')
      messages.push({ step: 'remit', payerId, traceNumber: r.traceNumber, fileKey: key })
    }
    return { messages, answered: due.map((p) => p.claimId) }
  }

  /** The claims' answers have been sent: they leave the pending list (a later 837 for one is a duplicate). */
  async forgetAnswered(claimIds: string[], nowMs: number): Promise<void> {
    for (const claimId of claimIds) {
      await this.ctx.storage.delete(PENDING + claimId)
      await this.ctx.storage.put(ANSWERED + claimId, { claimId, answeredAt: new Date(nowMs).toISOString() })
    }
  }
}
