import { FEATURE_NAMES, HistoryReplay } from '../features'
import { FeatureMatrixBuilder } from '../model'
import { historyPages, type HistoryCursor } from './history-pages'

/** Claims per D1 read. */
const PAGE = 1_000

/**
 * The newest claims a model trains on: enough for years of a busy practice, while the features
 * (8 bytes x 24 a claim) stay within a Worker's 128 MB with room for training.
 */
export const MAX_TRAINING_ROWS = 250_000

/**
 * Point-in-time features of the newest MAX_TRAINING_ROWS claims, resumable in slices so no single
 * invocation runs long: each `advance` featurises up to `budget` claims and says whether more remain.
 */
export class HistoryFeaturiser {
  readonly data = new FeatureMatrixBuilder(FEATURE_NAMES.length)
  private readonly replay = new HistoryReplay()
  private readonly pages: ReturnType<typeof historyPages>
  private subjectCursor: HistoryCursor | null = null
  private outcomeCursor: HistoryCursor | null = null
  private pendingOutcomes: { claims: Awaited<ReturnType<ReturnType<typeof historyPages>['adjudicated']>>['claims']; at: number } = { claims: [], at: 0 }
  private outcomesDone = false
  private started = false
  private done = false

  constructor(d1: D1Database, asOf: string) {
    this.pages = historyPages(d1, asOf)
  }

  async advance(budget: number): Promise<'more' | 'done'> {
    if (this.done) return 'done'
    let inclusive = false
    if (!this.started) {
      this.started = true
      const total = await this.pages.count()
      this.subjectCursor = await this.pages.submittedAt(Math.max(0, total - MAX_TRAINING_ROWS))
      if (this.subjectCursor === null) return this.finish()
      inclusive = true
    }
    for (let taken = 0; taken < budget; ) {
      const page = await this.pages.submitted(this.subjectCursor, PAGE, inclusive)
      inclusive = false
      for (const claim of page.claims) {
        await this.learnBefore(claim.submittedDate)
        this.data.push(this.replay.features(claim).values, claim.paidInFull ? 1 : 0, claim.submittedDate)
      }
      taken += page.claims.length
      if (page.next === null) return this.finish()
      this.subjectCursor = page.next
    }
    return 'more'
  }

  /** Every outcome adjudicated before `day` goes into the running aggregates first. */
  private async learnBefore(day: string): Promise<void> {
    for (;;) {
      const pending = this.pendingOutcomes
      while (pending.at < pending.claims.length && pending.claims[pending.at]!.adjudicatedDate < day) this.replay.learn(pending.claims[pending.at++]!)
      if (pending.at < pending.claims.length || this.outcomesDone) return
      const page = await this.pages.adjudicated(this.outcomeCursor, PAGE)
      this.pendingOutcomes = { claims: page.claims, at: 0 }
      this.outcomeCursor = page.next
      if (page.next === null) this.outcomesDone = true
      if (page.claims.length === 0) return
    }
  }

  private finish(): 'done' {
    this.done = true
    return 'done'
  }
}
