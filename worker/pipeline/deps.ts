import type { ClaimStore } from '../claims/d1-claim-store'
import type { CodeMessage, IngestMessage, NotificationMessage, PayMessage, ScoreMessage, StatusChange, SubmitMessage } from '../contracts'
import type { PayoutRail } from '../payments'

/** Where each stage's messages go; the Worker builds these from its queue bindings. */
export type StageQueues = {
  ingest: { send(m: IngestMessage): Promise<unknown>; sendMany(m: IngestMessage[]): Promise<unknown> }
  code: { send(m: CodeMessage): Promise<unknown> }
  score: { send(m: ScoreMessage): Promise<unknown> }
  pay: { send(m: PayMessage): Promise<unknown> }
  submit: { send(m: SubmitMessage): Promise<unknown> }
  notify: { send(m: NotificationMessage): Promise<unknown> }
}

/** Live fan-out to the provider's dashboards; must tolerate the same change twice. */
export type StatusPublisher = { publish(providerId: string, changes: StatusChange[]): Promise<unknown> }

/** Where generated documents go (R2 in the Worker). */
export type DocumentStore = { put(key: string, body: string, contentType: string): Promise<unknown> }

export type PipelineConfig = {
  /** A claim pays the same day only when its score is strictly above this. */
  scoreThreshold: number
}

export type PipelineDeps = {
  store: ClaimStore
  queues: StageQueues
  hub: StatusPublisher
  documents: DocumentStore
  rail: PayoutRail
  providerCutBps(providerId: string): Promise<number>
  config: PipelineConfig
  now(): Date
}
