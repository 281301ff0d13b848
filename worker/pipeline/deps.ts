import type { ClaimStore, StoredClaim } from '../claims'
import type { ClaimNotificationMessage, CodeMessage, IngestMessage, PayMessage, ScoreMessage, StatusChange, SubmitMessage } from '../contracts'
import type { CutResult, PayoutRail, PoolSource } from '../payments'
import type { PipelineRisk } from '../risk/store/pipeline-risk'

/** A message for one of the pipeline's queues. */
export type StageMessage =
  | { queue: 'claims-ingest'; body: IngestMessage }
  | { queue: 'claims-code'; body: CodeMessage }
  | { queue: 'claims-score'; body: ScoreMessage }
  | { queue: 'claims-pay'; body: PayMessage }
  | { queue: 'payer-submit'; body: SubmitMessage }
  | { queue: 'notifications'; body: ClaimNotificationMessage }

/** Where stage messages go; the Worker sends each queue's share as one batch. */
export type StageQueues = { sendAll(messages: StageMessage[]): Promise<void> }

/** Live fan-out to the provider's dashboards; must tolerate the same change twice. */
export type StatusPublisher = { publish(providerId: string, changes: StatusChange[]): Promise<unknown> }

/** Where generated documents go (R2 in the Worker). */
export type DocumentStore = { put(key: string, body: string, contentType: string): Promise<unknown> }

export type PipelineDeps = {
  store: ClaimStore
  queues: StageQueues
  hub: StatusPublisher
  documents: DocumentStore
  rail: PayoutRail
  /**
   * The cut for this claim's payout on a day: the provider's rate and the rule version in force then,
   * adjusted by the provider's 30-day volume and the claim's score. A problem means no payout.
   */
  cutFor(claim: Pick<StoredClaim, 'id' | 'providerId' | 'score'>, on: Date): Promise<CutResult>
  /** Scores claims and knows the threshold (admins change it at run time). */
  risk: PipelineRisk
  /** Funding pools' positions; without a source every payout draws on the platform pool. */
  pools?: PoolSource
  now(): Date
}
